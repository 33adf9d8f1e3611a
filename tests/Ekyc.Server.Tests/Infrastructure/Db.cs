using Dapper;

namespace Ekyc.Server.Tests.Infrastructure;

public static class Db
{
    public static async Task<long> CountAsync(TestServer server, string sql, string id)
    {
        await using var connection = await server.Database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, new { id });
    }

    public static async Task ExecuteAsync(TestServer server, string sql, object? parameters = null)
    {
        await using var connection = await server.Database.OpenAsync();
        await connection.ExecuteAsync(sql, parameters);
    }
}
