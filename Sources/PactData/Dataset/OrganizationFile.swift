import PactModel

/// Reads `organization.yaml`: the treaty, decision rule, bodies, Secretaries General and the
/// dated memberships. Checks that every actor id is known and that one actor's membership
/// intervals never overlap (a state has exactly one status on any day it has a record).
enum OrganizationFile {
    static func read(_ input: YAMLInput, known: Set<ActorID>) -> Organization? {
        guard let map = input.root.mapping(allowed: ["id", "name", "lead_state", "headquarters", "articles",
                                                     "decision_rule", "bodies", "secretaries_general", "memberships"])
        else { return nil }
        let id = map.required("id")?.string(matching: "[A-Za-z0-9-]+", explanation: "must be letters, digits and dashes")
        let name = map.required("name")?.string()
        let leadState = map.required("lead_state")?.actorID(known: known)
        let headquarters = map.required("headquarters")?.string()
        let articles = map.required("articles")?.list()?.compactMap(readArticle)
        let rule = map.required("decision_rule").flatMap(readDecisionRule)
        let bodies = map.required("bodies")?.list()?.compactMap(readBody)
        let secretaries = map.required("secretaries_general")?.list()?.compactMap { readSecretary($0, known: known) }
        let membershipFields = map.required("memberships")?.list() ?? []
        let memberships = readMemberships(membershipFields, known: known)
        if let articles {
            var numbers: Set<Int> = []
            for article in articles where !numbers.insert(article.number).inserted {
                map.optional("articles")?.fail("article \(article.number) is listed twice")
            }
        }
        guard let id, let name, let leadState, let headquarters, let articles, let rule, let bodies,
            let secretaries, let memberships
        else { return nil }
        return Organization(id: id, name: name, leadState: leadState, headquarters: headquarters, articles: articles,
                            decisionRule: rule, bodies: bodies, secretariesGeneral: secretaries, memberships: memberships)
    }

    private static func readArticle(_ field: YAMLField) -> TreatyArticle? {
        guard let map = field.mapping(allowed: ["number", "title", "obliges", "source"]) else { return nil }
        let number = map.required("number")?.int(in: 1...1000)
        let title = map.required("title")?.string()
        let obliges = map.required("obliges", hint: "what the article obliges the members to do")?.string()
        let source = map.required("source")?.string()
        guard let number, let title, let obliges, let source else { return nil }
        return TreatyArticle(number: number, title: title, obliges: obliges, source: source)
    }

    private static func readDecisionRule(_ field: YAMLField) -> DecisionRule? {
        guard let map = field.mapping(allowed: ["kind", "opt_out_since", "description", "source"]) else { return nil }
        let kind = map.required("kind")?.oneOf(DecisionRule.Kind.self)
        let optOutField = map.optional("opt_out_since")
        let optOut = optOutField?.day()
        let description = map.required("description")?.string()
        let source = map.required("source")?.string()
        guard let kind, let description, let source, optOutField == nil || optOut != nil else { return nil }
        return DecisionRule(kind: kind, optOutSince: optOut, description: description, source: source)
    }

    private static func readBody(_ field: YAMLField) -> Body? {
        guard let map = field.mapping(allowed: ["id", "name", "role", "source"]) else { return nil }
        let id = map.required("id")?.string(matching: "[a-z0-9-]+", explanation: "must be lower-case letters, digits and dashes")
        let name = map.required("name")?.string()
        let role = map.required("role")?.string()
        let source = map.required("source")?.string()
        guard let id, let name, let role, let source else { return nil }
        return Body(id: id, name: name, role: role, source: source)
    }

    private static func readSecretary(_ field: YAMLField, known: Set<ActorID>) -> SecretaryGeneral? {
        guard let map = field.mapping(allowed: ["name", "state", "from", "to", "acting", "source"]) else { return nil }
        let name = map.required("name")?.string()
        let state = map.required("state")?.actorID(known: known)
        let term = map.interval()
        let acting = map.required("acting", hint: "true for an acting Secretary General")?.bool()
        let source = map.required("source")?.string()
        guard let name, let state, let term, let acting, let source else { return nil }
        return SecretaryGeneral(name: name, state: state, term: term, acting: acting, source: source)
    }

    private static func readMemberships(_ fields: [YAMLField], known: Set<ActorID>) -> [Membership]? {
        var result: [(Membership, YAMLField)] = []
        var failed = false
        for field in fields {
            guard let map = field.mapping(allowed: ["actor", "status", "from", "to", "source", "note"]) else {
                failed = true
                continue
            }
            let actor = map.required("actor")?.actorID(known: known)
            let status = map.required("status")?.oneOf(MembershipStatus.self)
            let interval = map.interval()
            let source = map.required("source")?.string()
            let note = map.optional("note")?.string()
            guard let actor, let status, let interval, let source else {
                failed = true
                continue
            }
            let membership = Membership(actor: actor, status: status, interval: interval, source: source, note: note)
            if let clash = result.first(where: { $0.0.actor == actor && $0.0.interval.overlaps(interval) }) {
                field.fail("\(actor)'s interval from \(interval.start) overlaps its '\(clash.0.status.rawValue)' interval "
                    + "from \(clash.0.interval.start) (line \(clash.1.line.map(String.init) ?? "?")); "
                    + "an actor has one status on any day")
                failed = true
                continue
            }
            result.append((membership, field))
        }
        return failed ? nil : result.map(\.0)
    }
}
