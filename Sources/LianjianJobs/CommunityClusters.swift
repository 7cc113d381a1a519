import LianjianDomain

/// The clusters of communities that share volunteers: the connected components of the graph
/// whose edges join two communities one volunteer may serve both of. No volunteer may serve in
/// two clusters, so clusters can be planned at the same time, by different processes, without
/// anybody being planned twice at once.
public enum CommunityClusters {
    /// Each cluster lists its communities in the order given; clusters come in the order of
    /// their first community. Links naming a community not given are ignored.
    public static func of(_ communities: [Community.ID], links: [(Community.ID, Community.ID)]) -> [[Community.ID]] {
        let index = Dictionary(communities.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var parent = Array(communities.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]   // halve the path as we go
                i = parent[i]
            }
            return i
        }
        for (a, b) in links {
            guard let i = index[a], let j = index[b] else { continue }
            let (ri, rj) = (root(i), root(j))
            if ri != rj { parent[max(ri, rj)] = min(ri, rj) }
        }
        var clusters: [Int: [Community.ID]] = [:]
        var order: [Int] = []
        for (i, community) in communities.enumerated() where index[community] == i {
            let r = root(i)
            if clusters[r] == nil { order.append(r) }
            clusters[r, default: []].append(community)
        }
        return order.map { clusters[$0]! }
    }
}
