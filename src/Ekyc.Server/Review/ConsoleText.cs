namespace Ekyc.Server.Review;

/// <summary>Marker for the console's texts in <c>ConsoleText.resx</c> (add <c>ConsoleText.{culture}.resx</c> to translate).</summary>
public sealed class ConsoleText;
