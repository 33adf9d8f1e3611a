using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using Ekyc.Server.Tests.Infrastructure;

namespace Ekyc.Server.Tests.Security;

/// <summary>DELETE erases every copy of a session's personal data: database rows, events, stored responses, files.</summary>
public class ErasureTests
{
    private static readonly string[] EnginesOff = ["Ekyc:Engines:Documents=false", "Ekyc:Engines:Faces=false", "Ekyc:Engines:Screening=false"];

    [Fact]
    public async Task After_delete_a_marker_in_metadata_reference_and_review_appears_nowhere()
    {
        await using var server = await TestServer.StartAsync(null, EnginesOff);
        using var client = server.Client();
        var marker = "MARKER" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var key = Guid.NewGuid().ToString();
        var body = new { reference = marker + "-ref", metadata = new Dictionary<string, string> { ["note"] = marker + "-meta" } };
        var create = new HttpRequestMessage(HttpMethod.Post, "/v1/sessions") { Content = JsonContent.Create(body) };
        create.Headers.Add("Idempotency-Key", key);
        var session = await Api.BodyAsync(await client.SendAsync(create));
        var id = session.Id();
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadDocumentAsync(client, id, TestImages.Jpeg())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadSelfieAsync(client, id, TestImages.Jpeg(seed: 5))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/v1/sessions/{id}/submit", null)).StatusCode);
        Assert.Equal("manual_review", (await Api.WaitForDecisionAsync(client, id)).Status());
        var review = await client.PostAsJsonAsync($"/v1/sessions/{id}/review",
            new { decision = "approved", reason = marker + "-reason", reviewer = marker + "-reviewer@example.com" });
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Contains(marker + "-reviewer", await client.GetStringAsync($"/v1/sessions/{id}"));
        // The search itself works: the session id is stored in clear.
        Assert.NotEmpty(await FindMarkerAsync(server, id));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/sessions/{id}")).StatusCode);

        Assert.Empty(await FindMarkerAsync(server, marker));
        var replay = new HttpRequestMessage(HttpMethod.Post, "/v1/sessions") { Content = JsonContent.Create(body) };
        replay.Headers.Add("Idempotency-Key", key);
        var replayed = await client.SendAsync(replay);
        Assert.False(replayed.Headers.Contains("Idempotent-Replayed"));
        Assert.DoesNotContain(id, await replayed.Content.ReadAsStringAsync());
    }

    /// <summary>Where the marker still is: database files (SQLite file and WAL) or every PostgreSQL table as text, and the blob store.</summary>
    private static async Task<List<string>> FindMarkerAsync(TestServer server, string marker)
    {
        var found = new List<string>();
        var needle = Encoding.UTF8.GetBytes(marker);
        if (server.DatabaseFile is { } file)
        {
            foreach (var path in new[] { file, file + "-wal", file + "-journal" }.Where(File.Exists))
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer);
                if (buffer.ToArray().AsSpan().IndexOf(needle) >= 0)
                    found.Add(Path.GetFileName(path));
            }
        }
        else
        {
            await using var connection = await server.Database.OpenAsync();
            var tables = await connection.QueryAsync<string>("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()");
            foreach (var table in tables)
            {
                var rows = await connection.QueryAsync<string>($"SELECT t::text FROM \"{table}\" t");
                if (rows.Any(r => r.Contains(marker, StringComparison.Ordinal)))
                    found.Add(table);
            }
        }
        foreach (var blob in await server.StoredBlobsAsync())
            if (blob.AsSpan().IndexOf(needle) >= 0)
                found.Add("blob");
        return found;
    }
}
