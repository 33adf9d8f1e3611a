namespace Ekyc.Testing.Webhooks;

/// <summary>The answer the receiver gives; <see cref="RetryAfter"/> becomes the <c>Retry-After</c> header.</summary>
public sealed record ReceiverAnswer(int Status, string? Body = null, string? RetryAfter = null, TimeSpan? Delay = null);
