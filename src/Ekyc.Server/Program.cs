using Ekyc.Server.Cli;

return await CliRoot.Build().Parse(args).InvokeAsync();
