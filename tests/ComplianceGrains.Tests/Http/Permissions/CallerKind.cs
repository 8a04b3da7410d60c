namespace ComplianceGrains.Tests.Http.Permissions;

/// <summary>The kinds of caller the permission matrix tries every endpoint with.</summary>
public enum CallerKind
{
    /// <summary>A global staff user (<c>is_staff</c>).</summary>
    Staff,

    /// <summary>A global support user (<c>is_support</c>): reads everything, writes nothing.</summary>
    GlobalSupport,

    /// <summary>Owner of the customer that owns the service provider and offering.</summary>
    CustomerOwner,

    /// <summary>Manager of that customer.</summary>
    CustomerManager,

    /// <summary>Holder of the customer's <c>support</c> role.</summary>
    CustomerSupport,

    /// <summary>A user who is an offering user of the offering and nothing else.</summary>
    OfferingUserSelf,

    /// <summary>An authenticated user with no relation to any of the objects.</summary>
    Unrelated,

    /// <summary>No token.</summary>
    Anonymous,
}

/// <summary>The documented status for each kind of caller of one endpoint.</summary>
public sealed record Expected(
    int Staff, int GlobalSupport, int CustomerOwner, int CustomerManager, int CustomerSupport, int OfferingUserSelf,
    int Unrelated, int Anonymous)
{
    public int For(CallerKind kind) => kind switch
    {
        CallerKind.Staff => Staff,
        CallerKind.GlobalSupport => GlobalSupport,
        CallerKind.CustomerOwner => CustomerOwner,
        CallerKind.CustomerManager => CustomerManager,
        CallerKind.CustomerSupport => CustomerSupport,
        CallerKind.OfferingUserSelf => OfferingUserSelf,
        CallerKind.Unrelated => Unrelated,
        _ => Anonymous,
    };

    /// <summary>Public: everybody, with or without a token.</summary>
    public static Expected Everyone(int ok) => new(ok, ok, ok, ok, ok, ok, ok, ok);

    /// <summary>Any authenticated user; anonymous 401.</summary>
    public static Expected AnyUser(int ok) => new(ok, ok, ok, ok, ok, ok, ok, 401);

    /// <summary>Staff only: other users 403, anonymous 401 (checklist administration, user and customer creation).</summary>
    public static Expected StaffOnly(int ok) => new(ok, 403, 403, 403, 403, 403, 403, 401);

    /// <summary>Read access to a customer's objects: staff, global support and every customer role; others cannot see it (404).</summary>
    public static Expected CustomerReaders(int ok) => new(ok, ok, ok, ok, ok, 404, 404, 401);

    /// <summary>
    /// A write on a visible object of the customer that needs <c>OFFERING.UPDATE_OPTIONS</c>/<c>UPDATE_USER</c>:
    /// staff, owner and manager; global support and the customer's support role see it but may not (403).
    /// </summary>
    public static Expected CustomerEditors(int ok) => new(ok, 403, ok, ok, 403, 404, 404, 401);
}
