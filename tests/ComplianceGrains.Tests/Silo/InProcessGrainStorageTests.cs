using ComplianceGrains.Silo.Memory;
using ComplianceGrains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace ComplianceGrains.Tests.Silo;

public sealed class InProcessGrainStorageTests
{
    [Fact]
    public async Task Writes_and_clears_with_a_stale_etag_are_rejected()
    {
        await using var services = new ServiceCollection().AddSerializer(builder => builder.AddAssembly(typeof(ComplianceGrains.Identity.UsernameState).Assembly))
            .BuildServiceProvider();
        var storage = new InProcessGrainStorage(new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()));
        await GrainStorageContract.StaleETagsAreRejectedAsync(storage);
    }
}
