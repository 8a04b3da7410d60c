using System.Text.Json;
using ComplianceGrains.ReferenceServer;
using Npgsql;

// The reference implementation the bench measures the service against: ASP.NET Core minimal APIs over one
// PostgreSQL database, no cache and no actors. Connection string: ConnectionStrings:Reference.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var connection = new NpgsqlConnectionStringBuilder(
    builder.Configuration.GetConnectionString("Reference") ?? throw new InvalidOperationException("ConnectionStrings:Reference is required."))
{
    SearchPath = "reference",
};
// The same pool settings the service's silo applies to its own connection string.
if (!connection.ContainsKey("Maximum Pool Size")) connection.MaxPoolSize = 30;
if (!connection.ContainsKey("Max Auto Prepare")) connection.MaxAutoPrepare = 32;
if (!connection.ContainsKey("No Reset On Close")) connection.NoResetOnClose = true;
var dataSource = NpgsqlDataSource.Create(connection.ConnectionString);
await ReferenceSchema.CreateAsync(dataSource);

builder.Services.AddSingleton(dataSource);
builder.Services.AddSingleton<SubmitAnswersHandler>();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
var app = builder.Build();

app.MapGet("/health/live", () => Results.Json(new { status = "Healthy" }));
app.MapPost("/reference/world/", async (ReferenceWorld world, NpgsqlDataSource source) =>
{
    await WorldLoader.LoadAsync(source, world);
    return Results.Json(new { offering_users = world.OfferingUsers.Count });
});
app.MapPost("/api/marketplace-offering-users/{id:guid}/submit_answers/",
    (Guid id, HttpRequest request, SubmitAnswersHandler handler) => handler.HandleAsync(request, id));

app.Run();
