using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening.Loaders;

/// <summary>
/// One entity of the <c>ekyc-jsonl</c> format, one JSON object per line (gzip allowed): the entity model as written
/// by <c>lists build-pep</c>, and a simple format for an operator's own list. Example:
/// <c>{"id":"p1","kind":"person","names":[{"name":"Jane Doe","kind":"primary"}],"birth_dates":["1970-05"],
/// "nationalities":["gb"],"topics":["role.pep"],"datasets":["my-list"],"positions":[{"title":"Mayor of X","country":"gb",
/// "start":"2020-05-01","end":null,"status":"current"}]}</c>. Kinds, name kinds and statuses are snake_case enum names.
/// </summary>
public sealed record EkycJsonRecord
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        // Names stay readable in their own script; the file is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    public string? Id { get; init; }
    public EntityKind Kind { get; init; } = EntityKind.Person;
    public IReadOnlyList<EkycJsonName>? Names { get; init; }
    public IReadOnlyList<string>? BirthDates { get; init; }
    public IReadOnlyList<string>? Nationalities { get; init; }
    public IReadOnlyList<string>? Topics { get; init; }
    public IReadOnlyList<string>? Datasets { get; init; }
    public IReadOnlyList<PepPosition>? Positions { get; init; }

    public static EkycJsonRecord From(ScreeningEntity entity) => new()
    {
        Id = entity.Id,
        Kind = entity.Kind,
        Names = entity.Names.Select(n => new EkycJsonName(n.Value, n.Kind)).ToList(),
        BirthDates = Empty(entity.BirthDates.Select(d => d.ToString()).ToList()),
        Nationalities = Empty(entity.Nationalities),
        Topics = Empty(entity.Topics),
        Datasets = Empty(entity.Programs),
        Positions = Empty(entity.Positions),
    };

    /// <summary>Dates are ISO prefixes (<c>1970</c>, <c>1970-05</c>, <c>1970-05-17</c>); a position's dates are full dates.</summary>
    public ScreeningEntity ToEntity(string listName) => new()
    {
        Id = Id!,
        ListName = listName,
        Kind = Kind,
        Names = Names!.Where(n => !string.IsNullOrWhiteSpace(n.Name)).Select(n => new EntityName(n.Name, n.Kind)).ToList(),
        BirthDates = (BirthDates ?? []).Select(BirthDate.ParseIso).OfType<BirthDate>().ToList(),
        Nationalities = (Nationalities ?? []).Select(n => Countries.Normalize(n) ?? n.ToLower(CultureInfo.InvariantCulture)).Distinct().ToList(),
        Topics = Topics ?? [],
        Programs = Datasets ?? [],
        Positions = Positions ?? [],
    };

    private static IReadOnlyList<T>? Empty<T>(IReadOnlyList<T> values) => values.Count == 0 ? null : values;
}

/// <summary>A name and its kind (<c>primary</c>, <c>strong_alias</c>, <c>weak_alias</c>, <c>former</c>, <c>original_script</c>).</summary>
public sealed record EkycJsonName(string Name, NameKind Kind = NameKind.Primary);
