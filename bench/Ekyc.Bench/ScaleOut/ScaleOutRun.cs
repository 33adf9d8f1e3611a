using System.Diagnostics;
using System.Security.Cryptography;
using Dapper;
using Ekyc.Testing.Webhooks;
using Npgsql;

namespace Ekyc.Bench.ScaleOut;

/// <summary>What one run measured and every guarantee it found broken.</summary>
public sealed record RunResult(
    int Processes, int Sessions, double WallSeconds, double SessionsPerMinute, double P50Milliseconds, double P95Milliseconds,
    double CpuSecondsPerSession, double CoresBusy, int Retries, string? Killed, int JobsHeldByKilled, int EngineReruns, int CompletedWebhooks, int WebhookRedeliveries, IReadOnlyDictionary<string, int> Statuses,
    IReadOnlyList<string> Violations);

/// <summary>
/// One run: a fresh database, <c>processes</c> identical server processes started together on it, N sessions
/// driven through them, optionally one node SIGKILLed when half the sessions are submitted and started again,
/// then the database and the webhook receiver are checked for the guarantees (all decided, one committed engine
/// run per job, one completion event per session, each delivered at least once under its one webhook-id, one tenant).
/// The server processes' CPU time over the sessions (a killed node's lives added, its restart included) is divided by the
/// sessions: the CPU cost of a verification as the cluster pays it.
/// </summary>
public sealed class ScaleOutRun(string postgres, string executable, IReadOnlyList<ScaleOutCapture> captures, bool engines)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(5);

    public async Task<RunResult> ExecuteAsync(int processes, int sessions, int concurrency, bool killOne)
    {
        var database = $"ekyc_scaleout_{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}_{processes}";
        await AdminAsync($"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString;
        var folder = Directory.CreateTempSubdirectory("ekyc-scaleout-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["Ekyc__Database__Provider"] = "postgres",
            ["ConnectionStrings__Ekyc"] = connectionString,
            ["Ekyc__MasterKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Ekyc__Worker__Lease"] = Lease.ToString(),
            ["Ekyc__Worker__PollInterval"] = "00:00:00.200",
            ["Ekyc__RateLimit__PermitLimit"] = "1000000",
            // A key the killed node left "started" blocks its retries this long (default one minute).
            ["Ekyc__IdempotencyAbandonedAfter"] = "00:00:10",
            // The receiver is this tool on loopback over plain HTTP; a dead dispatcher's delivery is re-sent after 10 s.
            ["Ekyc__Webhooks__AllowPrivateNetworks"] = "true",
            ["Ekyc__Webhooks__AllowHttp"] = "true",
            ["Ekyc__Webhooks__RequestTimeout"] = "00:00:05",
            ["Ekyc__Webhooks__Lease"] = "00:00:10",
            ["Ekyc__Webhooks__PollInterval"] = "00:00:00.200",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        // Without engines every check is not_run: what is left is the coordination path (HTTP, database, queue, outbox).
        foreach (var engine in new[] { "Documents", "Faces", "Screening" })
            environment[$"Ekyc__Engines__{engine}"] = engines ? "true" : "false";
        await using var receiver = await WebhookReceiver.StartAsync();
        var hook = new Uri(receiver.Url(receiver.Path("scaleout")));
        var nodes = Enumerable.Range(0, processes).Select(i => new ServerProcess($"node{i}", executable, Path.Combine(folder, $"node{i}"), environment)).ToList();
        try
        {
            // All at once: migrations and the first tenant must come out once however the starts interleave.
            foreach (var node in nodes)
                node.Start();
            await Task.WhenAll(nodes.Select(n => n.WaitHealthyAsync(TimeSpan.FromSeconds(90))));
            var violations = new List<string>();
            var keyFiles = nodes.Select(n => Path.Combine(n.DataPath, "initial-api-key.txt")).Where(File.Exists).ToList();
            if (keyFiles.Count != 1)
                violations.Add($"{keyFiles.Count} processes created an initial tenant (expected exactly 1)");
            var apiKey = File.ReadAllText(keyFiles[0]).Trim();

            var cluster = new ClusterClient(nodes);
            var submitted = 0;
            var half = new TaskCompletionSource();
            using var gate = new SemaphoreSlim(concurrency);
            var cpuBefore = nodes.Sum(n => n.ProcessorTime.TotalSeconds);
            var watch = Stopwatch.StartNew();
            var victim = killOne && processes > 1 ? nodes[1] : null;
            var crash = victim is null ? Task.FromResult((Pid: 0, Held: 0)) : CrashAndRestartAsync(victim, half.Task, connectionString);
            var outcomes = await Task.WhenAll(Enumerable.Range(0, sessions).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    return await SessionFlow.RunAsync(cluster, apiKey, hook, i, captures[i % captures.Count], () =>
                    {
                        if (Interlocked.Increment(ref submitted) == sessions / 2)
                            half.TrySetResult();
                    });
                }
                finally
                {
                    gate.Release();
                }
            }));
            watch.Stop();
            var cpu = nodes.Sum(n => n.ProcessorTime.TotalSeconds) - cpuBefore;
            var (victimPid, heldByVictim) = await crash;

            var latencies = outcomes.Where(o => o.DecidedAt != default).Select(o => (o.DecidedAt - o.SubmittedAt).TotalMilliseconds).Order().ToList();
            var statuses = outcomes.GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.Count());
            var reruns = await VerifyAsync(connectionString, sessions, victim is null ? null : victimPid, violations);
            var (delivered, redeliveries) = await VerifyWebhooksAsync(connectionString, receiver, violations);
            return new RunResult(processes, sessions, watch.Elapsed.TotalSeconds, sessions / watch.Elapsed.TotalMinutes,
                Percentile(latencies, 0.50), Percentile(latencies, 0.95), cpu / sessions, cpu / watch.Elapsed.TotalSeconds / Environment.ProcessorCount, cluster.Retries,
                victim is null ? null : $"{victim.Name} (pid {victimPid})", heldByVictim, reruns, delivered, redeliveries, statuses, violations);
        }
        finally
        {
            foreach (var node in nodes)
                await node.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await AdminAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// From half-way: SIGKILL the node as soon as it holds a running job (within a few seconds, else anyway), note
    /// the jobs it held (their leases must run out, then another node runs them), restart it after a pause.
    /// </summary>
    private static async Task<(int Pid, int Held)> CrashAndRestartAsync(ServerProcess victim, Task halfWay, string connectionString)
    {
        await halfWay;
        var victimPid = victim.ProcessId;
        var pattern = new { pattern = $"%:{victimPid}:%" };
        const string runningSql = "SELECT COUNT(*) FROM jobs WHERE status = 'running' AND locked_by LIKE @pattern";
        await using var connection = new NpgsqlConnection(connectionString);
        for (var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5); DateTime.UtcNow < deadline; await Task.Delay(20))
            if (await connection.ExecuteScalarAsync<long>(runningSql, pattern) > 0)
                break;
        victim.Kill();
        var held = await connection.ExecuteScalarAsync<long>(runningSql, pattern);
        await Task.Delay(TimeSpan.FromSeconds(2));
        victim.Start();
        await victim.WaitHealthyAsync(TimeSpan.FromSeconds(90));
        return (victimPid, (int)held);
    }

    /// <summary>Checks the guarantees in the database; returns how many engine runs were repeats (claims lost with the killed node).</summary>
    private static async Task<int> VerifyAsync(string connectionString, int sessions, int? victimPid, List<string> violations)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var notDecided = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM sessions WHERE status NOT IN ('approved', 'rejected', 'manual_review')");
        if (notDecided > 0)
            violations.Add($"{notDecided} sessions did not reach a terminal state");
        var jobs = (await connection.QueryAsync<(string SessionId, string Status, long Committed, long Runs)>("""
            SELECT j.session_id, j.status,
                   (SELECT COUNT(*) FROM engine_runs r WHERE r.job_id = j.id AND r.committed = 1),
                   (SELECT COUNT(*) FROM engine_runs r WHERE r.job_id = j.id)
            FROM jobs j
            """)).ToList();
        if (jobs.Count != sessions)
            violations.Add($"{jobs.Count} jobs for {sessions} submissions");
        foreach (var job in jobs.Where(j => j.Committed != 1 || j.Status != "done"))
            violations.Add($"job of {job.SessionId}: status {job.Status}, {job.Committed} committed engine runs (expected done, exactly 1)");
        // A repeated run is only allowed where the killed node's claim was cut off.
        var foreign = await connection.QueryAsync<string>("SELECT worker FROM engine_runs WHERE committed = 0");
        foreach (var worker in foreign.Where(w => victimPid is null || !w.Contains($":{victimPid}:", StringComparison.Ordinal)))
            violations.Add($"an uncommitted engine run by {worker}, which was not killed");
        var events = await connection.QueryAsync<(string SessionId, long Count)>(
            "SELECT session_id, COUNT(*) FROM events WHERE type = 'verification.completed' GROUP BY session_id");
        var completed = events.ToList();
        if (completed.Count != sessions || completed.Any(e => e.Count != 1))
            violations.Add($"verification.completed events: {completed.Count} sessions, {completed.Count(e => e.Count != 1)} with other than one");
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM tenants") != 1)
            violations.Add("more than one tenant was bootstrapped");
        return (int)(jobs.Sum(j => j.Runs) - jobs.Count);
    }

    /// <summary>
    /// Waits (up to two leases) until every <c>verification.completed</c> event reached the receiver, then checks
    /// that each arrived under its event id as <c>webhook-id</c> and no other; returns how many arrived and how many requests repeated one.
    /// </summary>
    private static async Task<(int Delivered, int Repeated)> VerifyWebhooksAsync(string connectionString, WebhookReceiver receiver, List<string> violations)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var events = (await connection.QueryAsync<(string Id, string SessionId)>(
            "SELECT id, session_id FROM events WHERE type = 'verification.completed'")).ToList();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        List<ReceivedWebhook> completed;
        while (true)
        {
            completed = receiver.All.Where(r => r.Type == "verification.completed").ToList();
            var ids = completed.Select(r => r.Id).ToHashSet();
            if (events.All(e => ids.Contains(e.Id)) || DateTime.UtcNow > deadline)
                break;
            await Task.Delay(200);
        }
        var received = completed.Select(r => r.Id).ToHashSet();
        var missing = events.Count(e => !received.Contains(e.Id));
        if (missing > 0)
            violations.Add($"{missing} of {events.Count} verification.completed events never reached the receiver");
        var bySession = events.ToDictionary(e => e.SessionId, e => e.Id);
        var foreign = completed.Count(r => r.SessionId is null || !bySession.TryGetValue(r.SessionId, out var id) || id != r.Id);
        if (foreign > 0)
            violations.Add($"{foreign} verification.completed deliveries carried a webhook-id other than their event's id");
        return (events.Count - missing, completed.Count - received.Count);
    }

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.ExecuteAsync(sql);
    }

    private static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
