using Ekyc.Verification.Screening.Loaders;

namespace Ekyc.Verification.Tests.Screening;

public sealed class MalformedListTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ekyc-malformed-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Ofac_row_with_missing_fields_names_its_line()
    {
        var path = Write("sdn.csv", """
            1,"ONE, Person","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- 
            2,"TWO, Person","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- 
            3,"THREE, Person","individual"
            """);

        var error = Assert.Throws<ListLoadException>(() => ListLoader.Load(path, ListFormat.OfacCsv, "x"));

        Assert.Equal(3, error.Line);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void Truncated_un_xml_names_its_line()
    {
        var path = Write("un.xml", "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL><FIRST_NAME>A</FIRST_NAME>\n");

        var error = Assert.Throws<ListLoadException>(() => ListLoader.Load(path, ListFormat.UnXml, "x"));

        Assert.NotNull(error.Line);
        Assert.Contains("malformed XML", error.Message);
    }

    [Fact]
    public void Broken_json_line_names_its_line()
    {
        var path = Write("pep.jsonl", """
            {"RECORD_ID":"1","RECORD_TYPE":"PERSON","NAMES":[{"NAME_TYPE":"PRIMARY","NAME_FULL":"Ann Example"}]}
            {"RECORD_ID":"2","RECORD_TYPE":"PERSON","NAMES":[
            """);

        var error = Assert.Throws<ListLoadException>(() => ListLoader.Load(path, ListFormat.Senzing, "x"));

        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void A_file_of_another_format_is_refused()
    {
        var error = Assert.Throws<ListLoadException>(() => ListLoader.Load(SanctionsData.File("un/UN_consolidated.xml"), ListFormat.UsCsl, "x"));

        Assert.Contains("UN_consolidated.xml", error.Message);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void A_missing_file_is_refused()
    {
        Assert.Throws<ListLoadException>(() => ListLoader.Load(Path.Combine(_dir, "absent.xml"), ListFormat.UnXml, "x"));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
