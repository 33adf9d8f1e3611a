namespace Ekyc.Verification.Screening.Loaders;

/// <summary>A list file that cannot be read, naming the file and, when known, the line.</summary>
public sealed class ListLoadException : Exception
{
    public ListLoadException(string file, long? line, string problem, Exception? inner = null)
        : base(line is null ? $"{file}: {problem}" : $"{file}, line {line}: {problem}", inner)
    {
        File = file;
        Line = line;
    }

    public string File { get; }
    public long? Line { get; }
}
