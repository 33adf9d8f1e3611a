using System.ComponentModel.DataAnnotations;
using Ekyc.Core.Engines;
using Ekyc.Server.Options;
using Ekyc.Verification.Faces;
using Ekyc.Verification.Models;

namespace Ekyc.Server.Engines;

/// <summary>Which engine serves each stage; a stage without an engine reports its checks as <c>not_run</c>.</summary>
public sealed record EngineStatus(IReadOnlyDictionary<string, string> Engines);

/// <summary>
/// Creates the engines once per process. Their models are checked (SHA-256) at start, so a missing or
/// corrupt model stops the server with the command that fixes it, not the first verification.
/// </summary>
public static class EngineRegistration
{
    public static IServiceCollection AddEngines(this IServiceCollection services, IConfiguration configuration, EkycOptions options)
    {
        var engines = new Dictionary<string, string>
        {
            ["document"] = "unavailable",
            ["faces"] = "unavailable",
            ["screening"] = "unavailable",
        };
        services.AddSingleton(_ => ModelStore.Locate(options.ModelsPath));

        if (options.Engines.Faces)
        {
            var faceOptions = Bind<FaceOptions>(configuration, "Ekyc:Faces");
            services.AddSingleton<IFaceVerifier>(sp => new FaceVerifier(Verified(sp, ModelCatalog.FaceDetect, ModelCatalog.FaceLandmark,
                ModelCatalog.FaceFeature, ModelCatalog.FaceLiveness, ModelCatalog.FaceEye), faceOptions));
            engines["faces"] = "faceplugin-face-recognition-js@0.0.1";
        }

        services.AddSingleton(new EngineStatus(engines));
        return services;
    }

    /// <summary>Resolves every registered engine, so their models load (and are verified) before the server listens.</summary>
    public static void Warm(IServiceProvider services)
    {
        services.GetService<IDocumentVerifier>();
        services.GetService<IFaceVerifier>();
        services.GetService<IScreeningVerifier>();
    }

    private static ModelStore Verified(IServiceProvider services, params ModelFile[] models)
    {
        var store = services.GetRequiredService<ModelStore>();
        store.VerifyAll(models);
        return store;
    }

    private static T Bind<T>(IConfiguration configuration, string section) where T : class, new()
    {
        var value = configuration.GetSection(section).Get<T>() ?? new T();
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), errors, validateAllProperties: true))
            throw new InvalidOperationException($"Invalid configuration in {section}: " + string.Join(" ", errors.Select(e => e.ErrorMessage)));
        return value;
    }
}
