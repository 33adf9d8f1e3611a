using System.ComponentModel.DataAnnotations;

namespace Ekyc.Server.Options;

/// <summary>Configuration section <c>Ekyc</c>, validated at start.</summary>
public sealed class EkycOptions : IValidatableObject
{
    public const string Section = "Ekyc";

    /// <summary>The data folder: database, encrypted blobs, master key, first API key.</summary>
    [Required]
    public string DataPath { get; set; } = "./data";

    /// <summary>The npm folder holding the models (default: <c>models/node_modules</c> found upward).</summary>
    public string? ModelsPath { get; set; }

    /// <summary>
    /// ONNX Runtime intra-op threads per model run; 0 lets ONNX Runtime use one per core. One thread costs about 10 % less
    /// CPU per run and, with <c>Worker:Concurrency</c> at the number of cores, keeps them busy under load.
    /// </summary>
    [Range(0, 64)]
    public int InferenceThreads { get; set; }

    /// <summary>Base64 of 32 bytes; when empty a key is generated in the data folder on first start.</summary>
    public string? MasterKey { get; set; }

    /// <summary>How long a new session may wait for its uploads and submit before it expires.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Lifetime of the per-session client token given to the customer's app.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan ClientTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long idempotency records are kept (at least 24 h).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "30.00:00:00")]
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// A request whose key is still "started" after this long is taken to have died with its process, and a retry
    /// with the key runs it again. Longer than the slowest request, shorter than a client's patience.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan IdempotencyAbandonedAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The address customers reach this server at (e.g. <c>https://kyc.example.com</c>), used for <c>capture_url</c>;
    /// when empty, the scheme and host of the request that asks for the URL.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Roles this process plays, comma-separated: <c>api</c>, <c>worker</c> or <c>api,worker</c>.</summary>
    public string Roles { get; set; } = "api,worker";

    private string[] RoleList => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public DatabaseOptions Database { get; set; } = new();
    public EngineSwitches Engines { get; set; } = new();
    public UploadLimits Uploads { get; set; } = new();
    public WorkerOptions Worker { get; set; } = new();
    public RateLimitOptions RateLimit { get; set; } = new();
    public DecisionOptions Decision { get; set; } = new();
    public Webhooks.WebhookOptions Webhooks { get; set; } = new();
    public Liveness.LivenessOptions Liveness { get; set; } = new();
    public Sandbox.SandboxOptions Sandbox { get; set; } = new();

    public bool RunsApi => RoleList.Contains("api", StringComparer.OrdinalIgnoreCase);
    public bool RunsWorker => RoleList.Contains("worker", StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RoleList.Length == 0 || RoleList.Any(r => r is not ("api" or "worker")))
            yield return new ValidationResult("Ekyc:Roles must be 'api', 'worker' or both.", [nameof(Roles)]);
        if (!string.IsNullOrEmpty(MasterKey) && !IsKey(MasterKey))
            yield return new ValidationResult("Ekyc:MasterKey must be the base64 encoding of 32 bytes.", [nameof(MasterKey)]);
        if (!string.IsNullOrEmpty(PublicBaseUrl) && !(Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var publicBase)
            && publicBase.Scheme is "https" or "http" && string.IsNullOrEmpty(publicBase.Query) && string.IsNullOrEmpty(publicBase.Fragment)))
            yield return new ValidationResult("Ekyc:PublicBaseUrl must be an absolute http(s) URL without query or fragment.", [nameof(PublicBaseUrl)]);
        if (Database.Provider.ToLowerInvariant() is not ("sqlite" or "postgres"))
            yield return new ValidationResult("Ekyc:Database:Provider must be 'sqlite' or 'postgres'.", [nameof(Database)]);
        // Every process must seal and open the same data: a key generated per machine would make other replicas' images unreadable.
        if (Database.IsPostgres && string.IsNullOrEmpty(MasterKey))
            yield return new ValidationResult(
                "Ekyc:MasterKey is required with Ekyc:Database:Provider=postgres: every process must share it (generate one with 'openssl rand -base64 32').",
                [nameof(MasterKey)]);
        foreach (var result in Validate(Uploads).Concat(Validate(Worker)).Concat(Validate(RateLimit)).Concat(Validate(Decision)).Concat(Validate(Webhooks)).Concat(Validate(Liveness)).Concat(Validate(Sandbox)))
            yield return result;
    }

    private static bool IsKey(string value)
    {
        var buffer = new byte[64];
        return Convert.TryFromBase64String(value, buffer, out var written) && written == 32;
    }

    private static List<ValidationResult> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}

/// <summary>Where the state lives: <c>sqlite</c> (embedded file in the data folder) or <c>postgres</c> (<c>ConnectionStrings:Ekyc</c>).</summary>
public sealed class DatabaseOptions
{
    public string Provider { get; set; } = "sqlite";

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Engines can be switched off (their checks then report <c>not_run</c>, reason <c>engine_unavailable</c>).</summary>
public sealed class EngineSwitches
{
    public bool Documents { get; set; } = true;
    public bool Faces { get; set; } = true;
    public bool Screening { get; set; } = true;
}

/// <summary>Limits applied to every uploaded image before it is accepted.</summary>
public sealed class UploadLimits
{
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 15 * 1024 * 1024;

    /// <summary>Checked from the header before decoding, so a decompression bomb is refused cheaply.</summary>
    [Range(10_000, 200_000_000)]
    public long MaxPixels { get; set; } = 40_000_000;

    [Range(16, 65_535)]
    public int MaxDimension { get; set; } = 12_000;

    [Range(16, 4096)]
    public int MinDimension { get; set; } = 200;

    /// <summary>Frames accepted in one selfie upload (active liveness).</summary>
    [Range(1, 30)]
    public int MaxSelfieFrames { get; set; } = 16;

    /// <summary>Pixels of all images of one request together, from their headers, before any is decoded.</summary>
    [Range(10_000, 1_000_000_000)]
    public long MaxRequestPixels { get; set; } = 64_000_000;

    /// <summary>
    /// Scans of a progressive JPEG, counted from its markers: each scan is a full pass over the image, so a file of
    /// a hundred tiny scans costs a hundred decodes. Common encoders write about ten.
    /// </summary>
    [Range(1, 1000)]
    public int MaxJpegScans { get; set; } = 32;

    /// <summary>Images decoded at once in this process (0: one per core); further uploads wait for a slot.</summary>
    [Range(0, 256)]
    public int DecodeConcurrency { get; set; }
}

public sealed class WorkerOptions
{
    /// <summary>How long a claimed job stays locked; renewed while it runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Poll interval when no submit wakes the worker up.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 16)]
    public int Concurrency { get; set; } = 1;

    /// <summary>After this many claims a job stops and its session goes to manual review.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Per-stage timeout; a stage that exceeds it is reported <c>not_run</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan StageTimeout { get; set; } = TimeSpan.FromSeconds(60);
}

public sealed class RateLimitOptions
{
    /// <summary>Requests per key per window.</summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 600;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Decision thresholds (see <see cref="Ekyc.Core.Decisions.DecisionThresholds"/>).</summary>
public sealed class DecisionOptions
{
    [Range(0.0, 1.0)]
    public double MinApproveConfidence { get; set; } = 0.80;

    public bool PepHitNeedsReview { get; set; } = true;

    public Core.Decisions.DecisionThresholds ToThresholds() =>
        new() { MinApproveConfidence = MinApproveConfidence, PepHitNeedsReview = PepHitNeedsReview };
}
