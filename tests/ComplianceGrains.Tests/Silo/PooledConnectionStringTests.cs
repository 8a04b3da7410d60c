using ComplianceGrains.Silo;
using Npgsql;

namespace ComplianceGrains.Tests.Silo;

/// <summary>The pool settings a silo adds to the operator's connection string, and the ones it leaves to them.</summary>
public sealed class PooledConnectionStringTests
{
    private static NpgsqlConnectionStringBuilder Pooled(string connectionString) =>
        new(ComplianceSilo.PooledConnectionString(connectionString));

    [Fact]
    public void A_plain_connection_string_gets_a_capped_pool_prepared_statements_and_no_reset_on_close()
    {
        var pooled = Pooled("Host=db;Database=compliance;Username=app");

        Assert.Equal(30, pooled.MaxPoolSize);
        Assert.Equal(32, pooled.MaxAutoPrepare);
        Assert.True(pooled.NoResetOnClose);
        Assert.Equal(("db", "compliance", "app"), (pooled.Host, pooled.Database, pooled.Username));
    }

    [Fact]
    public void Settings_the_operator_names_are_kept()
    {
        var pooled = Pooled("Host=db;Maximum Pool Size=7;Max Auto Prepare=0;No Reset On Close=false");

        Assert.Equal(7, pooled.MaxPoolSize);
        Assert.Equal(0, pooled.MaxAutoPrepare);
        Assert.False(pooled.NoResetOnClose);
    }
}
