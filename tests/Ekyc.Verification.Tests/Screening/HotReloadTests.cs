using Ekyc.Verification.Screening;
using Ekyc.Verification.Screening.Lists;
using Ekyc.Verification.Screening.Loaders;

namespace Ekyc.Verification.Tests.Screening;

public sealed class HotReloadTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ekyc-lists-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Import_writes_copies_and_a_manifest()
    {
        var store = new ListStore(_dir);

        var manifest = store.Import(SanctionsData.File("ofac_cons_nonsdn/cons_prim.csv"), ListFormat.OfacCsv, "ofac-nonsdn");

        Assert.Equal(442, manifest.EntityCount);
        Assert.Equal(["cons_prim.csv", "cons_alt.csv", "cons_comments.csv"], manifest.Files);
        Assert.Equal(64, manifest.Sha256.Length);
        var stored = Assert.Single(store.Manifests());
        Assert.Equal(manifest.Sha256, stored.Sha256);
        Assert.Equal(manifest.Sha256, store.CurrentChecksum(stored));
    }

    [Fact]
    public void Malformed_import_leaves_the_store_unchanged()
    {
        var store = new ListStore(_dir);
        store.Import(SanctionsData.File("un/UN_consolidated.xml"), ListFormat.UnXml, "un");
        var bad = Path.Combine(_dir, "..", $"bad-{Guid.NewGuid():N}.xml");
        File.WriteAllText(bad, "<CONSOLIDATED_LIST><INDIVIDUALS>");

        try
        {
            Assert.Throws<ListLoadException>(() => store.Import(bad, ListFormat.UnXml, "un"));
        }
        finally
        {
            File.Delete(bad);
        }

        Assert.Equal(1003, Assert.Single(store.Manifests()).EntityCount);
    }

    [Fact]
    public async Task Lists_swap_in_under_concurrent_queries_and_a_broken_file_keeps_the_old_list()
    {
        var store = new ListStore(_dir);
        store.Import(SanctionsData.File("un/UN_consolidated.xml"), ListFormat.UnXml, "un");
        var service = new ScreeningService(new ScreeningOptions { ListsPath = _dir });
        Assert.True(service.Reload().Swapped);
        var query = new ScreeningQuery("SADDAM HUSSEIN AL-TIKRITI");
        var failures = 0;
        var queries = 0;
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (!service.Search(query).Any(m => m.Entity.Id == "IQi.001"))
                {
                    Interlocked.Increment(ref failures);
                }
                Interlocked.Increment(ref queries);
            }
        })).ToArray();

        await WaitForMoreQueries(() => Volatile.Read(ref queries), 0);
        store.Import(SanctionsData.File("opensanctions/us_congress_pep.senzing.jsonl"), ListFormat.Senzing, "pep");
        var added = service.ReloadIfChanged();
        var unchanged = service.ReloadIfChanged();
        File.WriteAllText(Path.Combine(_dir, "un", "UN_consolidated.xml"), "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>");
        var broken = service.ReloadIfChanged();
        await WaitForMoreQueries(() => Volatile.Read(ref queries), Volatile.Read(ref queries));
        stop.Cancel();
        await Task.WhenAll(readers);

        Assert.True(added.Swapped);
        Assert.Equal(["pep", "un"], added.Lists);
        Assert.False(unchanged.Swapped);
        Assert.Contains(broken.Errors, e => e.Contains("UN_consolidated.xml", StringComparison.Ordinal) && e.Contains("line", StringComparison.Ordinal));
        Assert.Contains(service.Index.Lists, l => l.Manifest.Name == "un" && l.Entities.Count == 1003);
        Assert.Equal(0, failures);
        Assert.True(service.Index.HasPeps);
    }

    /// <summary>The readers run on the thread pool, which may start late on a busy machine.</summary>
    private static async Task WaitForMoreQueries(Func<int> count, int than)
    {
        for (var i = 0; i < 400 && count() <= than; i++)
        {
            await Task.Delay(25);
        }
        Assert.True(count() > than, "the concurrent readers did not run");
    }

    [Fact]
    public void The_default_lists_folder_of_the_repository_loads()
    {
        var folder = Path.GetFullPath(Path.Combine(SanctionsData.Root, "..", "..", "..", "lists"));
        var service = new ScreeningService(new ScreeningOptions { ListsPath = folder });

        var report = service.Reload();

        Assert.Empty(report.Errors);
        Assert.Equal(["ofac-nonsdn", "ofac-sdn", "pep", "un", "us-csl"], report.Lists);
        Assert.True(service.Index.HasSanctions);
        Assert.True(service.Index.HasPeps);
    }

    [Fact]
    public async Task The_poller_picks_up_a_newly_imported_list()
    {
        var store = new ListStore(_dir);
        var service = new ScreeningService(new ScreeningOptions { ListsPath = _dir });
        service.Reload();
        var reports = new List<ReloadReport>();
        using var poller = new ListPoller(service, TimeSpan.FromMilliseconds(50), r => { lock (reports) { reports.Add(r); } });

        store.Import(SanctionsData.File("us_csl/csl_sample.csv"), ListFormat.UsCsl, "us-csl");
        // The poller swaps the index before it reports, so wait for the report, not only for the entities.
        for (var i = 0; i < 200 && (service.Index.EntityCount == 0 || ReportCount() == 0); i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(115, service.Index.EntityCount);
        lock (reports)
        {
            Assert.Contains(reports, r => r.Swapped && r.Lists.Contains("us-csl"));
        }

        int ReportCount()
        {
            lock (reports)
            {
                return reports.Count;
            }
        }
    }

    [Fact]
    public void Seeding_copies_only_the_missing_default_lists()
    {
        var defaults = Path.GetFullPath(Path.Combine(SanctionsData.Root, "..", "..", "..", "lists"));
        var store = new ListStore(_dir);
        store.Import(SanctionsData.File("un/UN_consolidated.xml"), ListFormat.UnXml, "un");
        var ownUn = store.Manifests().Single().Sha256;

        var copied = store.SeedFrom(defaults);

        Assert.Equal(["ofac-nonsdn", "ofac-sdn", "pep", "us-csl"], copied.Order());
        Assert.Equal(5, store.Manifests().Count);
        Assert.Equal(ownUn, store.Manifests().Single(m => m.Name == "un").Sha256);
        Assert.Empty(store.SeedFrom(defaults));
        Assert.All(store.Manifests(), m => Assert.Equal(m.Sha256, store.CurrentChecksum(m)));
    }
}
