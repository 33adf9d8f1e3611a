namespace Ekyc.Server.Tests.Data;

public class ProviderConfigurationTests
{
    private static string StartError(params string[] settings)
    {
        var folder = Directory.CreateTempSubdirectory("ekyc-test-").FullName;
        var error = Assert.Throws<InvalidOperationException>(() => EkycApp.Build([$"--Ekyc:DataPath={folder}", .. settings.Select(s => "--" + s)]));
        return error.Message;
    }

    [Fact]
    public void Postgres_without_a_shared_master_key_refuses_to_start()
    {
        var message = StartError("Ekyc:Database:Provider=postgres", "ConnectionStrings:Ekyc=Host=localhost;Database=ekyc");
        Assert.Contains("Ekyc:MasterKey is required", message);
    }

    [Fact]
    public void Postgres_without_a_connection_string_refuses_to_start()
    {
        var message = StartError("Ekyc:Database:Provider=postgres", $"Ekyc:MasterKey={Convert.ToBase64String(new byte[32])}");
        Assert.Contains("ConnectionStrings:Ekyc is required", message);
    }

    [Fact]
    public void An_unknown_provider_refuses_to_start()
    {
        Assert.Contains("Ekyc:Database:Provider must be 'sqlite' or 'postgres'", StartError("Ekyc:Database:Provider=mysql"));
    }
}
