namespace Kaifong.Rostering;

/// <summary>
/// A part of the problem to re-solve with the rest of a roster fixed: the <see cref="Free"/> (shift, volunteer) pairs
/// (by <see cref="Instance.Key"/>) may change, every other pair keeps its value in <see cref="Incumbent"/>. With
/// <see cref="Construct"/>, the incumbent is a partial roster being built volunteer by volunteer: the hard minimum head
/// counts are not posted (they are met, if at all, once everyone is placed) and nobody outside the free pairs is checked.
/// </summary>
internal sealed class Neighbourhood(Instance c, HashSet<long> incumbent, HashSet<long> free, bool construct = false)
{
    private int[]? _load;

    public HashSet<long> Incumbent { get; } = incumbent;

    public HashSet<long> Free { get; } = free;

    public bool Construct { get; } = construct;

    /// <summary>The incumbent's number of shifts of volunteer v.</summary>
    public int LoadOf(int v)
    {
        if (_load is null)
        {
            _load = new int[c.V];
            foreach (var key in Incumbent)
            {
                _load[c.Unkey(key).Volunteer]++;
            }
        }
        return _load[v];
    }
}
