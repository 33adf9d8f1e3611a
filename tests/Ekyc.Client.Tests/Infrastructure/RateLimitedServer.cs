namespace Ekyc.Client.Tests.Infrastructure;

/// <summary>The real server with a limit of three requests per credential per second, so a burst meets real 429s.</summary>
public sealed class RateLimitedServer : EkycServer
{
    protected override IEnumerable<string> ExtraSettings => ["Ekyc:RateLimit:PermitLimit=3", "Ekyc:RateLimit:Window=00:00:01"];
}
