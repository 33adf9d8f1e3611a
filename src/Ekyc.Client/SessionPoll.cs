using Ekyc.Client.Models;

namespace Ekyc.Client;

/// <summary>One conditional read of a session: <see cref="Changed"/> is false (and <see cref="Session"/> null) on a 304.</summary>
public sealed record SessionPoll(bool Changed, Session? Session, string? ETag);
