using Ekyc.Core.Checks;
using Ekyc.Core.Sessions;
using Ekyc.Server.Data;
using Ekyc.Server.Sessions;

namespace Ekyc.Server.Events;

/// <summary>
/// Event bodies. <c>verification.completed</c> has exactly the DESIGN.md fields (extra fields allowed,
/// none of those may change); the other events share its envelope.
/// </summary>
public static class EventPayloads
{
    public static Dictionary<string, object?> Build(string type, SessionRecord session, DateTimeOffset at)
    {
        var payload = new Dictionary<string, object?>
        {
            ["event"] = type,
            ["session_id"] = session.Id,
            ["status"] = session.Status.ToWire(),
            // False for a test session: the sandbox, not the engines, decided it.
            ["livemode"] = session.Livemode,
        };
        if (type is EventTypes.Completed or EventTypes.Reviewed)
        {
            payload["confidence"] = session.Decision?.Confidence ?? 0;
            payload["checks"] = ChecksOf(session);
            payload["extracted_data"] = ExtractedDataOf(session.Results?.ExtractedData);
            payload["decision_rule"] = session.Decision?.Rule;
        }
        if (type == EventTypes.Reviewed && session.Review is { } review)
        {
            payload["review"] = new Dictionary<string, object?>
            {
                ["decision"] = review.Decision,
                ["reason"] = review.Reason,
                ["reviewer"] = review.Reviewer,
                ["previous_status"] = review.PreviousStatus,
            };
        }
        payload["reference"] = session.Reference;
        payload["created_at"] = Clock.Format(at);
        return payload;
    }

    /// <summary>The five checks, each with its wire status; a check the session did not ask for is <c>not_run</c>.</summary>
    public static Dictionary<string, string> ChecksOf(SessionRecord session) =>
        CheckNames.All.ToDictionary(name => name,
            name => session.Summary?.GetValueOrDefault(name) ?? CheckStatus.NotRun.ToWire());

    public static Dictionary<string, object?>? ExtractedDataOf(ExtractedData? data) => data is null ? null : new()
    {
        ["full_name"] = data.FullName,
        ["date_of_birth"] = data.DateOfBirth?.ToString("yyyy-MM-dd"),
        ["document_number"] = data.DocumentNumber,
        ["document_type"] = data.DocumentType,
        ["nationality"] = data.Nationality,
        ["surname"] = data.Surname,
        ["given_names"] = data.GivenNames,
        ["issuing_country"] = data.IssuingCountry,
        ["sex"] = data.Sex,
        ["expiry_date"] = data.ExpiryDate?.ToString("yyyy-MM-dd"),
    };
}
