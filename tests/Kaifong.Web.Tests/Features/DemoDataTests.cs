using System.Net;
using Kaifong.Data.Demo;
using Kaifong.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Tests.Features;

/// <summary>
/// The README's first command starts the app with demo data: the demo centre, its people and its schedule are made at
/// start-up through the app's own commands, and a coordinator signing in finds filled and empty shifts, people who said
/// when they are free, and one volunteer looking for a substitute.
/// </summary>
public sealed class DemoDataTests : IAsyncLifetime
{
    private readonly DemoApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task The_demo_centre_has_a_schedule_availability_and_a_substitute_request_a_coordinator_can_see()
    {
        var counts = await app.WithDbAsync(async db => new
        {
            Shifts = await db.Shifts.CountAsync(),
            Held = await db.Signups.CountAsync(),
            Slots = await db.AvailabilitySlots.CountAsync(),
            Open = await db.SubstituteRequests.CountAsync(),
            Offers = await db.SubstituteOffers.CountAsync(),
        });
        Assert.True(counts.Shifts > 20, $"{counts.Shifts} shifts");
        Assert.True(counts.Held > 0 && counts.Slots > 0 && counts.Offers > 0, counts.ToString());
        Assert.Equal(1, counts.Open);

        var coordinator = await PageClient.SignInAsync(app, "coordinator1@demo.kaifong.hk", DemoSeeder.Password);
        var (page, doc) = await coordinator.GetPageAsync($"/o/{DemoSeeder.Slug}/substitutes");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var link = doc.QuerySelector($"main a[href^='/o/{DemoSeeder.Slug}/shifts/']");
        Assert.NotNull(link);
        var (shift, shiftDoc) = await coordinator.GetPageAsync(link!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, shift.StatusCode);
        Assert.NotNull(shiftDoc.QuerySelector("#participants"));

        var volunteer = await PageClient.SignInAsync(app, "volunteer10@demo.kaifong.hk", DemoSeeder.Password);
        Assert.Equal(HttpStatusCode.OK, (await volunteer.GetPageAsync("/me/availability")).Response.StatusCode);
    }

    private sealed class DemoApp : KaifongApp
    {
        private readonly string path = Path.Combine(Path.GetTempPath(), $"kaifong-demo-{Guid.NewGuid():N}.db");

        public override string ProviderName => "Sqlite";
        protected override string ConnectionString => $"Data Source={path}";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Kaifong:SeedDemo", "true");
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
