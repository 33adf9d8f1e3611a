using System.Diagnostics;
using Ekyc.Verification.Models;

namespace Ekyc.Verification.Tests.Models;

public class InferenceClockTests
{
    [Fact]
    public void Overlapping_runs_count_once_so_inference_stays_within_the_wall_time()
    {
        var wall = Stopwatch.StartNew();
        using var scope = InferenceClock.Measure();
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ => InferenceClock.Time(() => { Thread.Sleep(40); return 0; }));
        var inference = scope.Milliseconds;

        Assert.InRange(inference, 39, wall.Elapsed.TotalMilliseconds);
    }

    [Fact]
    public void Work_outside_the_runs_is_not_counted()
    {
        using var scope = InferenceClock.Measure();
        Thread.Sleep(50);
        InferenceClock.Time(() => 0);

        Assert.InRange(scope.Milliseconds, 0, 25);
    }

    [Fact]
    public void An_inner_scope_counts_its_runs_in_the_outer_one_too_and_ends_with_its_flow()
    {
        using var outer = InferenceClock.Measure();
        double inner;
        using (var scope = InferenceClock.Measure())
        {
            InferenceClock.Time(() => { Thread.Sleep(30); return 0; });
            inner = scope.Milliseconds;
        }
        InferenceClock.Time(() => { Thread.Sleep(30); return 0; });

        Assert.InRange(inner, 29, outer.Milliseconds);
        Assert.InRange(outer.Milliseconds, 59, double.MaxValue);
    }

    [Fact]
    public void A_run_outside_any_scope_just_runs() => Assert.Equal(7, InferenceClock.Time(() => 7));
}
