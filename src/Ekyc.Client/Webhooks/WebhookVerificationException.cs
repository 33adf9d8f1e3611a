namespace Ekyc.Client.Webhooks;

/// <summary>A webhook request that must be refused: unsigned, badly signed, or outside the timestamp tolerance.</summary>
public sealed class WebhookVerificationException(string message) : Exception(message);
