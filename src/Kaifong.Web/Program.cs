using Kaifong.Messaging;
using Kaifong.Web.Features.Availability;
using Kaifong.Web.Features.Scheduling;
using Kaifong.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
if (args.Contains("--seed-demo"))
{
    builder.Configuration["Kaifong:SeedDemo"] = "true";
}

builder.Services.AddKaifongOptions(builder.Configuration, builder.Environment);
builder.Services.AddKaifongHosting(builder.Configuration, builder.Environment);
builder.Services.AddKaifongObservability(builder.Configuration, builder.Logging);
builder.Services.AddKaifongData(builder.Configuration, builder.Environment);
builder.Services.AddKaifongMessaging(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddKaifongIdentity();
builder.Services.AddKaifongLocalisation();
builder.Services.AddKaifongWeb(builder.Configuration);
builder.Services.AddKaifongApi();
builder.Services.AddKaifongScheduling(builder.Configuration);
builder.Services.AddKaifongAvailability();

var app = builder.Build();

await app.PrepareDatabaseAsync();
app.UseKaifongPipeline();
app.MapKaifongEndpoints();
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
