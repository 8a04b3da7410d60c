using Npgsql;
using NpgsqlTypes;

namespace ComplianceGrains.Silo.Postgres;

/// <summary>
/// Array parameters of the batch statements, each with its type set: Npgsql runs a prepared statement only with the
/// parameter types it was prepared for, and an empty array is not typed as a filled one would be (an empty
/// <c>DateTime[]</c> is not <c>timestamptz[]</c>), so an untyped batch of another length ran unprepared, parsed and
/// planned again.
/// </summary>
internal static class ArrayParameter
{
    public static NpgsqlParameter Of<T>(NpgsqlDbType elementType, IEnumerable<T> values) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | elementType };
}
