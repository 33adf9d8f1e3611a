namespace Ekyc.Server.Auth;

/// <summary>
/// The two worlds a tenant's data lives in, as stored in the <c>mode</c> columns. Live keys make live sessions that
/// the engines verify; test keys (<c>ek_test_…</c>) make test sessions that the sandbox decides. Neither sees the other.
/// </summary>
public static class Modes
{
    public const string Live = "live";
    public const string Test = "test";

    public static bool IsLive(string mode) => mode == Live;

    public static string Of(bool livemode) => livemode ? Live : Test;
}
