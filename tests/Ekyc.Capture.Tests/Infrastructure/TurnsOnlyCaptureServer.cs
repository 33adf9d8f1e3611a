namespace Ekyc.Capture.Tests.Infrastructure;

/// <summary>
/// The server with challenges of two turns only (<c>Ekyc:Liveness:AllowedMoves</c>): the real head-motion frames
/// available here (<see cref="HeadMotion"/>) hold no frontal blink, so a challenge that could ask for one could not be
/// answered honestly by them.
/// </summary>
public sealed class TurnsOnlyCaptureServer : CaptureServer
{
    protected override IEnumerable<string> Settings => ["--Ekyc:Liveness:AllowedMoves=turn_left,turn_right", "--Ekyc:Liveness:Moves=2"];
}
