using Ekyc.Server.Options;

namespace Ekyc.Server.Webhooks;

public static class WebhookRegistration
{
    /// <summary>Stores, the API service, and (in a worker process) the dispatcher.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, EkycOptions options)
    {
        services.AddSingleton<NetworkGuard>();
        services.AddSingleton<WebhookEndpointStore>();
        services.AddSingleton<WebhookDeliveryStore>();
        services.AddSingleton<WebhookQueue>();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookService>();
        if (options.RunsWorker)
        {
            services.AddSingleton<WebhookSender>();
            services.AddSingleton<WebhookDispatcher>();
            services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        }
        return services;
    }
}
