using Ekyc.Verification.Screening.Lists;
using Ekyc.Verification.Screening.Loaders;

namespace Ekyc.Verification.Screening;

/// <summary>
/// Holds the index in service and replaces it whole when the stored lists change. Queries read one
/// volatile reference, so a reload never blocks or drops them; a list that fails to load keeps its
/// previous version in service. Create one per process (a singleton) and call <see cref="Reload"/> at start
/// and <see cref="ReloadIfChanged"/> from a timer or file watcher.
/// </summary>
public sealed class ScreeningService(ScreeningOptions options)
{
    private readonly Lock _reloading = new();
    private volatile ScreeningIndex _index = ScreeningIndex.Empty;

    public ScreeningOptions Options { get; } = options;

    /// <summary>The index in service now.</summary>
    public ScreeningIndex Index => _index;

    public IReadOnlyList<ScreeningMatch> Search(ScreeningQuery query) => _index.Search(query, Options);

    /// <summary>Puts an index into service (tests, or lists built elsewhere).</summary>
    public void Swap(ScreeningIndex index) => _index = index;

    /// <summary>Loads every list in the store folder and swaps in the new index.</summary>
    public ReloadReport Reload(string? listsPath = null) => ReloadCore(listsPath, onlyIfChanged: false);

    /// <summary>Reloads only when a list was added, removed or its files changed; cheap when nothing did.</summary>
    public ReloadReport ReloadIfChanged(string? listsPath = null) => ReloadCore(listsPath, onlyIfChanged: true);

    private ReloadReport ReloadCore(string? listsPath, bool onlyIfChanged)
    {
        var path = listsPath ?? Options.ListsPath ?? throw new InvalidOperationException("No lists folder configured (Ekyc:Screening:ListsPath).");
        lock (_reloading)
        {
            var store = new ListStore(path);
            var current = _index;
            var errors = store.ManifestErrors().Select(e => e.Message).ToList();
            var lists = new List<LoadedList>();
            var changed = false;
            foreach (var manifest in store.Manifests())
            {
                var previous = current.Lists.FirstOrDefault(l => l.Manifest.Name == manifest.Name);
                try
                {
                    if (previous is not null && previous.Manifest.Sha256 == store.CurrentChecksum(manifest))
                    {
                        lists.Add(previous);
                        continue;
                    }
                    lists.Add(store.Load(manifest));
                    changed = true;
                }
                catch (Exception ex) when (ex is ListLoadException or IOException or FormatException)
                {
                    errors.Add(ex.Message);
                    if (previous is not null)
                    {
                        lists.Add(previous);
                    }
                }
            }
            changed |= current.Lists.Any(l => lists.All(n => n.Manifest.Name != l.Manifest.Name));
            if (onlyIfChanged && !changed)
            {
                return new ReloadReport(false, current.Version, current.EntityCount, current.Lists.Select(l => l.Manifest.Name).ToList(), errors);
            }
            var index = ScreeningIndex.Build(lists);
            _index = index;
            return new ReloadReport(true, index.Version, index.EntityCount, lists.Select(l => l.Manifest.Name).ToList(), errors);
        }
    }
}
