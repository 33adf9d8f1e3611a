using System.Diagnostics;
using Ekyc.Core.Checks;

namespace Ekyc.Verification.Faces;

/// <summary>Adds up wall time per named stage across one verification.</summary>
public sealed class StageTimer(string prefix = "")
{
    private readonly List<(string Stage, double Ms)> _stages = [];

    public T Time<T>(string stage, Func<T> work)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            Add(stage, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    public void Add(string stage, double milliseconds)
    {
        var index = _stages.FindIndex(s => s.Stage == stage);
        if (index < 0)
            _stages.Add((stage, milliseconds));
        else
            _stages[index] = (stage, _stages[index].Ms + milliseconds);
    }

    public IReadOnlyList<StageTiming> ToTimings() =>
        _stages.Select(s => new StageTiming(prefix + s.Stage, Math.Round(s.Ms, 2))).ToList();
}
