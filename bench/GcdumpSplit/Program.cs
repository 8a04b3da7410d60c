using Graphs;

// Splits a .gcdump (dotnet-gcdump collect -p PID) by type and by owner: every object is counted under its nearest
// labelled ancestor (a grain class, Orleans' per-activation data, the in-memory storage grains, the projection, ...) on
// the breadth-first path from the GC roots; shared objects go to the first owner that reaches them. Sizes are shallow
// object sizes; "per user" divides by the second argument (the number of offering users seeded).
//   dotnet tool install -g dotnet-gcdump
//   dotnet run -c Release --project bench/GcdumpSplit -- <file.gcdump> [offering users]
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: GcdumpSplit <file.gcdump> [offering users]");
    return 2;
}
var graph = new GCHeapDump(args[0]).MemoryGraph;
var perUser = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1;
var node = graph.AllocNodeStorage();
var typeStorage = graph.AllocTypeNodeStorage();
var count = (int)graph.NodeIndexLimit;
var typeNames = new Dictionary<NodeTypeIndex, string>();
string TypeOf(NodeTypeIndex type) =>
    typeNames.TryGetValue(type, out var name) ? name : typeNames[type] = graph.GetType(type, typeStorage).Name;

(string Prefix, string Label)[] owners =
[
    ("ComplianceGrains.Marketplace.OfferingUserGrain", "grain OfferingUserGrain"),
    ("ComplianceGrains.Identity.UserGrain", "grain UserGrain"),
    ("ComplianceGrains.Identity.UsernameGrain", "grain UsernameGrain"),
    ("ComplianceGrains.Identity.TokenGrain", "grain TokenGrain"),
    ("ComplianceGrains.Marketplace.ServiceProviderGrain", "grain ServiceProviderGrain (counters)"),
    ("ComplianceGrains.Marketplace.OfferingGrain", "grain OfferingGrain"),
    ("Orleans.Storage.MemoryStorageGrain", "MemoryStorageGrain (in-memory grain storage)"),
    ("ComplianceGrains.Projections.InMemoryComplianceProjection", "InMemoryComplianceProjection"),
    ("ComplianceGrains.Catalog.InMemoryCatalogStore", "InMemoryCatalogStore"),
    ("ComplianceGrains.Marketplace.InMemoryOfferingMemberStore", "InMemoryOfferingMemberStore"),
    ("ComplianceGrains.Compliance.InMemoryAnswerHistoryStore", "InMemoryAnswerHistoryStore"),
    ("Orleans.Runtime.ActivationData", "Orleans ActivationData (per activation)"),
    ("Orleans.Runtime.GrainDirectory.LocalGrainDirectory", "Orleans LocalGrainDirectory (+ its cache)"),
    ("Orleans.Runtime.GrainDirectory.LruGrainDirectoryCache", "Orleans LruGrainDirectoryCache"),
    ("Orleans.Runtime.ActivationCollector", "Orleans ActivationCollector"),
    ("Orleans.Runtime.ActivationWorkingSet", "Orleans ActivationWorkingSet"),
    ("Orleans.Runtime.ActivationDirectory", "Orleans ActivationDirectory"),
];
string? OwnerOf(string type)
{
    foreach (var (prefix, label) in owners)
        if (type == prefix || type.StartsWith(prefix + "<", StringComparison.Ordinal) || type.StartsWith(prefix + "+", StringComparison.Ordinal))
            return label;
    return null;
}

// Breadth-first from the root: an object belongs to the nearest labelled object on the first path that reaches it.
var owner = new string?[count];
var seen = new bool[count];
var queue = new Queue<NodeIndex>();
var child = graph.AllocNodeStorage();
seen[(int)graph.RootIndex] = true;
owner[(int)graph.RootIndex] = "(other: runtime, ASP.NET Core, caches)";
queue.Enqueue(graph.RootIndex);
while (queue.Count > 0)
{
    var index = queue.Dequeue();
    var current = graph.GetNode(index, node);
    for (var c = current.GetFirstChildIndex(); c != NodeIndex.Invalid; c = current.GetNextChildIndex())
    {
        if (seen[(int)c]) continue;
        seen[(int)c] = true;
        owner[(int)c] = OwnerOf(TypeOf(graph.GetNode(c, child).TypeIndex)) ?? owner[(int)index];
        queue.Enqueue(c);
    }
}

var byType = new Dictionary<string, (long Bytes, long Objects)>();
var byOwner = new Dictionary<string, (long Bytes, long Objects)>();
var byOwnerType = new Dictionary<(string, string), (long Bytes, long Objects)>();
long total = 0;
for (var i = 0; i < count; i++)
{
    var n = graph.GetNode((NodeIndex)i, node);
    var type = TypeOf(n.TypeIndex);
    var who = owner[i] ?? "(unreachable)";
    total += n.Size;
    Add(byType, type, n.Size);
    Add(byOwner, who, n.Size);
    Add(byOwnerType, (who, type), n.Size);
}

Console.WriteLine($"{count:N0} objects, {total:N0} bytes ({total / perUser:N0} per offering user)");
Console.WriteLine("\n== by owner ==            bytes    objects  per user");
foreach (var (who, v) in byOwner.OrderByDescending(kv => kv.Value.Bytes).Select(kv => (kv.Key, kv.Value)))
    Console.WriteLine($"{v.Bytes,16:N0} {v.Objects,10:N0} {v.Bytes / perUser,9:N0}  {who}");
Console.WriteLine("\n== by type (top 40) ==    bytes    objects  per user");
foreach (var (type, v) in byType.OrderByDescending(kv => kv.Value.Bytes).Take(40).Select(kv => (kv.Key, kv.Value)))
    Console.WriteLine($"{v.Bytes,16:N0} {v.Objects,10:N0} {v.Bytes / perUser,9:N0}  {Short(type)}");
foreach (var who in byOwner.OrderByDescending(kv => kv.Value.Bytes).Take(12).Select(kv => kv.Key))
{
    Console.WriteLine($"\n-- {who}");
    foreach (var ((_, type), v) in byOwnerType.Where(kv => kv.Key.Item1 == who).OrderByDescending(kv => kv.Value.Bytes).Take(10).Select(kv => (kv.Key, kv.Value)))
        Console.WriteLine($"{v.Bytes,16:N0} {v.Objects,10:N0} {v.Bytes / perUser,9:N0}  {Short(type)}");
}
return 0;

static void Add<TKey>(Dictionary<TKey, (long Bytes, long Objects)> totals, TKey key, long bytes) where TKey : notnull
{
    totals.TryGetValue(key, out var v);
    totals[key] = (v.Bytes + bytes, v.Objects + 1);
}

static string Short(string type) => type.Length > 140 ? type[..140] + "…" : type;
