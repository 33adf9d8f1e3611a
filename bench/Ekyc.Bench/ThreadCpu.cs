using System.Runtime.InteropServices;

namespace Ekyc.Bench;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): on a shared, oversubscribed machine it
/// measures the work of a query without the time the thread spent waiting for a core.
/// </summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    public static double Milliseconds() =>
        ClockGetTime(ClockThreadCpuTimeId, out var t) == 0 ? t.Seconds * 1000.0 + t.Nanoseconds / 1e6 : double.NaN;
}
