using Ekyc.Verification.Models;
using Microsoft.ML.OnnxRuntime;

namespace Ekyc.Verification.Faces;

/// <summary>One shared ONNX session with its input and output names resolved once.</summary>
internal sealed class OnnxModel
{
    private static readonly RunOptions SharedRunOptions = new();
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    public OnnxModel(ModelStore store, ModelFile file, params string[] outputNames)
    {
        _session = store.Session(file);
        _inputNames = [_session.InputMetadata.Keys.First()];
        _outputNames = outputNames.Length > 0 ? outputNames : [_session.OutputMetadata.Keys.First()];
    }

    /// <summary>Runs the model on one input tensor; the caller disposes the outputs (ordered as the output names).</summary>
    public IDisposableReadOnlyCollection<OrtValue> Run(OrtValue input) =>
        InferenceClock.Time(() => _session.Run(SharedRunOptions, _inputNames, [input], _outputNames));
}
