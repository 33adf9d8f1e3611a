using Dapper;

namespace Ekyc.Server.Tests.Infrastructure;

public static class Db
{
    public static async Task<long> CountAsync(TestServer server, string sql, string id)
    {
        await using var connection = await server.Database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, new { id });
    }

    /// <summary>Changes a session's webhook URL behind the API's back, as if it had passed the creation check earlier.</summary>
    public static async Task SetWebhookUrlAsync(TestServer server, string id, string url)
    {
        await using var connection = await server.Database.OpenAsync();
        var config = System.Text.Json.Nodes.JsonNode.Parse(await connection.ExecuteScalarAsync<string>("SELECT config_json FROM sessions WHERE id = @id", new { id }) ?? "{}")!;
        config["webhook_url"] = url;
        await connection.ExecuteAsync("UPDATE sessions SET config_json = @config WHERE id = @id", new { id, config = config.ToJsonString() });
    }

    public static async Task<T> ScalarAsync<T>(TestServer server, string sql, object? parameters = null)
    {
        await using var connection = await server.Database.OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public static async Task ExecuteAsync(TestServer server, string sql, object? parameters = null)
    {
        await using var connection = await server.Database.OpenAsync();
        await connection.ExecuteAsync(sql, parameters);
    }
}
