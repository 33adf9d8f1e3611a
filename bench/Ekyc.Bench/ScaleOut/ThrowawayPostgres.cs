using System.Diagnostics;

namespace Ekyc.Bench.ScaleOut;

/// <summary>
/// A throwaway PostgreSQL cluster started by the repository's <c>.ci/throwaway-postgres.sh</c> in a bash process
/// that waits on its stdin: closing stdin (dispose, or this tool dying) ends bash, whose exit trap stops the
/// cluster and deletes its folder.
/// </summary>
public sealed class ThrowawayPostgres : IDisposable
{
    private readonly Process _shell;

    private ThrowawayPostgres(Process shell, string connectionString)
    {
        _shell = shell;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ThrowawayPostgres> StartAsync(string repositoryRoot)
    {
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { "-c", "set -e; source .ci/throwaway-postgres.sh; start_throwaway_postgres >&2; echo \"$EKYC_TEST_POSTGRES\"; read -r _ || true" },
            WorkingDirectory = repositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        var shell = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
        var line = await shell.StandardOutput.ReadLineAsync();
        if (string.IsNullOrEmpty(line))
        {
            await shell.WaitForExitAsync();
            throw new InvalidOperationException("The throwaway PostgreSQL cluster did not start (are the PostgreSQL server binaries installed?).");
        }
        return new ThrowawayPostgres(shell, line);
    }

    public void Dispose()
    {
        _shell.StandardInput.Close();
        _shell.WaitForExit(TimeSpan.FromSeconds(30));
        _shell.Dispose();
    }
}
