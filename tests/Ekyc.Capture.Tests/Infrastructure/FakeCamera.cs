namespace Ekyc.Capture.Tests.Infrastructure;

/// <summary>
/// The file behind Chromium's fake camera. Chromium opens it each time a page starts the camera, so replacing it
/// (atomically, by rename) between two <c>getUserMedia</c> calls changes what the camera "sees": the document, then
/// the face, in one browser.
/// </summary>
public sealed class FakeCamera : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ekyc-camera-").FullName;

    public FakeCamera(byte[] firstScene)
    {
        Path = System.IO.Path.Combine(_folder, "camera.y4m");
        Show(firstScene);
    }

    public string Path { get; }

    public void Show(byte[] y4m)
    {
        var next = System.IO.Path.Combine(_folder, $"{Guid.NewGuid():N}.y4m");
        File.WriteAllBytes(next, y4m);
        File.Move(next, Path, overwrite: true);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
