using System.Diagnostics;

namespace Ekyc.Verification.Models;

/// <summary>
/// Measures how much of a piece of work is model inference: every ONNX Runtime <c>Run</c> goes through
/// <see cref="Time{T}"/>, and a <see cref="Measure"/> scope opened around the work (it flows into tasks and
/// <c>Parallel.For</c> started inside) adds up the wall time during which at least one of its runs was going.
/// Overlapping runs count once, so the figure never exceeds the scope's own wall time and
/// work ÷ inference reads as the overhead around the models.
/// </summary>
public static class InferenceClock
{
    private static readonly AsyncLocal<Scope?> Current = new();

    /// <summary>Starts measuring the inference of the work that follows on this flow until the scope is disposed.</summary>
    public static Scope Measure()
    {
        var scope = new Scope(Current.Value);
        Current.Value = scope;
        return scope;
    }

    /// <summary>Runs one model call, counted by the enclosing scopes (none: just runs it).</summary>
    public static T Time<T>(Func<T> run)
    {
        var scope = Current.Value;
        if (scope is null)
            return run();
        scope.Enter();
        try
        {
            return run();
        }
        finally
        {
            scope.Exit();
        }
    }

    /// <summary>The inference time of one measured piece of work; scopes nest, an inner run counts in the outer ones too.</summary>
    public sealed class Scope : IDisposable
    {
        private readonly Scope? _outer;
        private readonly Lock _gate = new();
        private int _running;
        private long _startedAt;
        private long _ticks;

        internal Scope(Scope? outer) => _outer = outer;

        /// <summary>Wall time with at least one model run going, so far.</summary>
        public double Milliseconds
        {
            get
            {
                lock (_gate)
                {
                    var ticks = _running > 0 ? _ticks + Stopwatch.GetTimestamp() - _startedAt : _ticks;
                    return ticks * 1000.0 / Stopwatch.Frequency;
                }
            }
        }

        internal void Enter()
        {
            lock (_gate)
            {
                if (_running++ == 0)
                    _startedAt = Stopwatch.GetTimestamp();
            }
            _outer?.Enter();
        }

        internal void Exit()
        {
            lock (_gate)
            {
                if (--_running == 0)
                    _ticks += Stopwatch.GetTimestamp() - _startedAt;
            }
            _outer?.Exit();
        }

        public void Dispose() => Current.Value = _outer;
    }
}
