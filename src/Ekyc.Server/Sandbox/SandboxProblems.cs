using Ekyc.Server.Errors;

namespace Ekyc.Server.Sandbox;

public static class SandboxProblems
{
    /// <summary>A live key asked for a scripted outcome: live sessions are always verified by the engines.</summary>
    public static ApiException RequiresTestKey() =>
        new(400, "sandbox_requires_test_key", "Sandbox needs a test key",
            "The 'sandbox' block scripts a test session's outcome; create the session with a test key (ek_test_…). Live sessions are always verified for real.");
}
