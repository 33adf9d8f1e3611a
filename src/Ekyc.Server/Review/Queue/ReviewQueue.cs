using System.Data.Common;
using Dapper;
using Ekyc.Core.Sessions;
using Ekyc.Server.Data;
using Ekyc.Server.Sessions;
using Ekyc.Server.Storage;

namespace Ekyc.Server.Review.Queue;

/// <summary>
/// The tenant's <c>manual_review</c> sessions, oldest in the queue first. Filters and counts read only the unsealed
/// columns (the decision and the per-check summary) and the reference's keyed hash, so counting thousands of
/// sessions decrypts nothing; only the references of the page shown are opened.
/// </summary>
public sealed class ReviewQueue(Database database, Encryptor encryptor)
{
    private static readonly string Status = SessionStatus.ManualReview.ToWire();

    public async Task<QueuePage> ListAsync(string tenantId, QueueFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var postgres = SqlDialect.IsPostgres(connection);
        // PostgreSQL: json, not jsonb: one field of a small document is cheaper to find than the whole to convert.
        var rule = postgres ? "(s.decision_json::json ->> 'rule')" : "json_extract(s.decision_json, '$.rule')";
        var hasCheck = postgres
            ? "EXISTS (SELECT 1 FROM json_array_elements_text(s.decision_json::json -> 'checks') AS c(value) WHERE c.value = @check::text)"
            : "EXISTS (SELECT 1 FROM json_each(s.decision_json, '$.checks') WHERE value = @check)";
        // Test sessions never enter the queue: they are decided by the sandbox and closed through the API.
        const string queue = "s.tenant_id = @tenantId AND s.status = @status AND s.deleted_at IS NULL AND s.mode = 'live'";
        var filtered = $"""
            {queue}
              AND (@check IS NULL OR {hasCheck})
              AND (@rule IS NULL OR {rule} = @rule)
              AND (@reference IS NULL OR s.reference_hash = @reference)
              AND (@from IS NULL OR s.decided_at >= @from)
              AND (@to IS NULL OR s.decided_at < @to)
            """;
        var after = filter.After?.Split('|', 2);
        var parameters = new
        {
            tenantId,
            status = Status,
            check = Blank(filter.Check),
            rule = Blank(filter.Rule),
            reference = Blank(filter.Reference) is { } reference ? encryptor.LookupHash(tenantId, reference) : null,
            from = filter.From is { } f ? Clock.Format(new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) : null,
            to = filter.To is { } t ? Clock.Format(new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) : null,
            afterAt = after is [var at, _] ? at : null,
            afterId = after is [_, var id] ? id : null,
            limit = QueueFilter.PageSize + 1,
        };
        var rows = (await connection.QueryAsync<Row>($"""
            SELECT s.id, s.reference_enc, s.decision_json, s.summary_json, s.decided_at, s.created_at,
                   c.user_id AS claim_user_id, c.email AS claim_email, c.claimed_at, c.expires_at AS claim_expires_at
            FROM sessions s LEFT JOIN review_claims c ON c.session_id = s.id
            WHERE {filtered}
              AND (@afterAt IS NULL OR s.decided_at > @afterAt OR (s.decided_at = @afterAt AND s.id > @afterId))
            ORDER BY s.decided_at, s.id
            LIMIT @limit
            """, parameters)).ToList();
        // One pass over the queue gives the total and both breakdowns: grouped by (rule, checks) there are only a
        // handful of groups, split into the two counts here.
        var checks = postgres ? "((s.decision_json::json -> 'checks')::text)" : "json_extract(s.decision_json, '$.checks')";
        var groups = (await connection.QueryAsync<(string? Rule, string? Checks, long Count)>(
            $"SELECT {rule} AS r, {checks} AS c, COUNT(*) AS n FROM sessions s WHERE {queue} GROUP BY {rule}, {checks}", parameters)).ToList();
        var total = groups.Sum(g => g.Count);
        var byRule = groups.GroupBy(g => g.Rule ?? "").ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var byCheck = groups.SelectMany(g => (g.Checks is null ? Array.Empty<string>() : Json.Deserialize<string[]>(g.Checks)).Select(check => (check, g.Count)))
            .GroupBy(x => x.check).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var unfiltered = parameters is { check: null, rule: null, reference: null, from: null, to: null };
        var matching = unfiltered ? total : await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM sessions s WHERE {filtered}", parameters);

        var items = rows.Take(QueueFilter.PageSize).Select(r => Map(r, encryptor.DecryptField(r.ReferenceEnc, SessionStore.Owner(r.Id, "reference")))).ToList();
        var next = rows.Count > QueueFilter.PageSize ? $"{rows[QueueFilter.PageSize - 1].DecidedAt}|{rows[QueueFilter.PageSize - 1].Id}" : null;
        return new QueuePage(items, total, matching, byRule.OrderByDescending(r => r.Value).ToDictionary(), byCheck.OrderByDescending(c => c.Value).ToDictionary(), next);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static QueueItem Map(Row r, string? reference)
    {
        var decision = r.DecisionJson is null ? null : Json.Deserialize<StoredDecision>(r.DecisionJson);
        var summary = r.SummaryJson is null ? new Dictionary<string, string>() : Json.Deserialize<Dictionary<string, string>>(r.SummaryJson);
        var claim = r.ClaimUserId is null ? null : new ReviewClaim(r.Id, r.ClaimUserId, r.ClaimEmail!, Clock.Parse(r.ClaimedAt!), Clock.Parse(r.ClaimExpiresAt!));
        var created = Clock.Parse(r.CreatedAt);
        return new QueueItem(r.Id, reference, decision?.Rule ?? "", decision?.Checks ?? [], summary,
            Clock.ParseOrNull(r.DecidedAt) ?? created, created, claim);
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string? ReferenceEnc { get; set; }
        public string? DecisionJson { get; set; }
        public string? SummaryJson { get; set; }
        public string? DecidedAt { get; set; }
        public string CreatedAt { get; set; } = "";
        public string? ClaimUserId { get; set; }
        public string? ClaimEmail { get; set; }
        public string? ClaimedAt { get; set; }
        public string? ClaimExpiresAt { get; set; }
    }
}
