namespace Ekyc.Server.Data;

/// <summary>The storage engines the server runs on (<c>Ekyc:Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>One embedded file in the data folder; one process (the default).</summary>
    Sqlite,

    /// <summary>A shared server database; any number of identical processes.</summary>
    Postgres,
}
