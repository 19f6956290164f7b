import Foundation
import PactData
import PactEngine
import PactModel
import Testing

/// Hand-computed checks of each stage function.
@Suite struct LegalTriggerTests {
    func input(article: Int? = 4, territory: Crisis.Territory = .sovereign, adversary: Adversary.Kind = .state,
               backing: Adversary.Backing = .none, adversaryIsParty: Bool = false, requester: MembershipStatus? = .member,
               hasRequester: Bool = true, location: MembershipStatus? = .member, reform: Bool = true, forces: Bool = true)
        -> TriggerInput
    {
        TriggerInput(article: article, territory: territory, adversaryKind: adversary, backing: backing,
                     adversaryIsParty: adversaryIsParty, requesterStatus: requester, hasRequester: hasRequester,
                     locationStatus: location, reformInForce: reform, collectiveForcesExist: forces)
    }

    @Test func anAttackOnARequestingMembersTerritoryIsCollectiveDefence() {
        let t = LegalTrigger.assess(input())
        #expect(t.cap == .deployment)
        #expect(t.coverage == .collectiveDefence)
    }

    @Test func aClashBetweenMembersFallsUnderArticleOne() {
        let t = LegalTrigger.assess(input(adversaryIsParty: true))
        #expect(t.cap == .consultations)
        #expect(t.reasons.last!.contains("Article 1"))
    }

    @Test func contestedTerritoryIsOutsideArticleFour() {
        #expect(LegalTrigger.assess(input(territory: .contested)).cap == .consultations)
    }

    @Test func withoutARequestOnlyConsultationsAreOpen() {
        #expect(LegalTrigger.assess(input(requester: nil, hasRequester: false)).cap == .consultations)
        // A request from a suspended member does not count.
        let suspended = LegalTrigger.assess(input(requester: .suspended))
        #expect(suspended.cap == .consultations)
        #expect(!suspended.hasValidRequest)
    }

    @Test func aCrisisOutsideTheMembersWithNoRequestAllowsStatementsOnly() {
        #expect(LegalTrigger.assess(input(article: nil, requester: nil, hasRequester: false, location: nil)).cap == .statement)
    }

    @Test func unrestCountsAsAggressionOnlyWhenFramedAsExternallyBacked() {
        #expect(LegalTrigger.assess(input(adversary: .internal, backing: .alleged)).cap == .deployment)
        #expect(LegalTrigger.assess(input(adversary: .internal, backing: .none)).cap == .aid)
        // Before the crisis-response reform internal unrest was outside the mandate.
        #expect(LegalTrigger.assess(input(adversary: .internal, backing: .alleged, reform: false)).cap == .consultations)
    }

    @Test func aRequestOutsideArticleFourOpensAidButNotAForce() {
        #expect(LegalTrigger.assess(input(article: 2)).cap == .aid)
        #expect(LegalTrigger.assess(input(article: nil)).coverage == .assistance)
    }

    @Test func aLocationOutsideTheMembersIsAtMostConsultationsWhoeverAsks() {
        // A member's request about a non-member's soil, even written as sovereign territory.
        let t = LegalTrigger.assess(input(territory: .sovereign, location: nil))
        #expect(t.cap == .consultations)
        #expect(t.coverage != .collectiveDefence)
        #expect(LegalTrigger.assess(input(location: .observer)).cap == .consultations)
    }

    @Test func collectiveDefenceOnlyAtTheAttackedMembersOwnRequest() {
        let t = LegalTrigger.assess(
            TriggerInput(article: 4, territory: .sovereign, adversaryKind: .state, backing: .none, adversaryIsParty: false,
                         requesterStatus: .member, hasRequester: true, locationStatus: .member, reformInForce: true,
                         collectiveForcesExist: true, requesterIsLocation: false))
        #expect(t.cap == .consultations)
        #expect(t.reasons.last!.contains("own request"))
    }

    @Test func noCollectiveForceMeansNoDeployment() {
        let t = LegalTrigger.assess(input(forces: false))
        #expect(t.cap == .aid)
        #expect(t.reasons.last!.contains("no deployable collective force"))
    }
}

@Suite struct PreferenceAndDecisionTests {
    @Test func preferredLevelIsFiveTimesTheLogistic() {
        #expect(MemberPreferences.level(latent: 0) == 2.5)
        #expect(abs(MemberPreferences.level(latent: log(4.0)) - 4) < 1e-12)
    }

    @Test func salienceRisesFromTheFloorWithStake() {
        #expect(MemberPreferences.salience(stake: 0, floor: 0.2, scale: 2) == 0.2)
        #expect(abs(MemberPreferences.salience(stake: 2 * log(2.0), floor: 0.2, scale: 2) - 0.6) < 1e-12)
    }

    @Test func aThreatsReachFallsWithDistanceToItsFloor() {
        #expect(abs(MemberPreferences.reach(distanceKm: 1500, scaleKm: 1500, floor: 0) - exp(-1)) < 1e-9)
        #expect(abs(MemberPreferences.reach(distanceKm: 1e6, scaleKm: 1500, floor: 0.3) - 0.3) < 1e-9)
    }

    /// A toy: a requester (position 5), a lead state (4.8) and a reluctant member (2.0) that
    /// depends on the lead at 0.5. Weights clout × salience: 0.1, 0.72, 0.08, so the proposal
    /// is round((0.5 + 3.456 + 0.16) / 0.9) = round(4.57) = 5. The reluctant member's resistance
    /// at 5 is 3 × 0.8 = 2.4 against a threshold of 1 × (1 + 1 × 0.5) = 1.5.
    func toy(optOut: Bool) -> (level: Int, proposal: Int, stances: [Stance]) {
        CollectiveDecision.decide(positions: [5, 4.8, 2.0], saliences: [1, 0.9, 0.8], clout: [0.1, 0.8, 0.1],
                                  dependenceOnLead: [0, 0, 0.5], requester: 0, cap: 5, cloutExponent: 1, tolerance: 0.5,
                                  blockThreshold: 1, deference: 1, optOut: optOut, optOutRelief: 1)
    }

    @Test func plainConsensusLetsOneMemberStepTheProposalDown() {
        // At 5: 2.4 > 1.5 blocks; at 4: 2 × 0.8 = 1.6 > 1.5 blocks; at 3: 0.8 goes along.
        let result = toy(optOut: false)
        #expect(result.proposal == 5)
        #expect(result.stances == [.support, .support, .block])
        #expect(result.level == 3)
    }

    @Test func theOptOutTurnsTheVetoIntoAnAbstention() {
        // With the opt-out the block threshold is 1.5 × (1 + 1) = 3 > 2.4: the member abstains.
        let result = toy(optOut: true)
        #expect(result.stances == [.support, .support, .abstain])
        #expect(result.level == 5)
    }

    /// The request as the agenda, by hand. Requester 5 (no weight), lead 3.6 (salience 0.8), a
    /// small member at 1.0: weights 0, 0.72, 0.08 give the mean proposal round((2.592 + 0.08) /
    /// 0.8) = round(3.34) = 3. The lead supports 5? 3.6 < 4.5 and (5 − 3.6) × 0.8 = 1.12 > 1: no.
    /// 4? 3.6 ≥ 4 − 0.5: yes. So the agenda is 4; the small member's resistance (4 − 1) × 0.5 =
    /// 1.5 is above its threshold 1 but within 1 × (1 + 1) under the opt-out: it abstains, 4 passes.
    @Test func theLeadStatePutsTheHighestPartOfTheRequestItSupportsToTheCouncil() {
        let arguments = (positions: [5.0, 3.6, 1.0], saliences: [1.0, 0.8, 0.5], clout: [0.0, 0.9, 0.16])
        func run(agenda: Bool) -> (level: Int, proposal: Int, stances: [Stance]) {
            CollectiveDecision.decide(positions: arguments.positions, saliences: arguments.saliences, clout: arguments.clout,
                                      dependenceOnLead: [0, 0, 0], requester: 0, cap: 5, cloutExponent: 1, tolerance: 0.5,
                                      blockThreshold: 1, deference: 1, optOut: true, optOutRelief: 1,
                                      lead: agenda ? 1 : nil, requested: agenda ? 5 : nil)
        }
        #expect(run(agenda: false).proposal == 3)
        let withAgenda = run(agenda: true)
        #expect(withAgenda.proposal == 4)
        #expect(withAgenda.level == 4)
        #expect(withAgenda.stances == [.support, .support, .abstain])
        #expect(CollectiveDecision.agenda(proposal: 3, requested: 5, cap: 5, leadPosition: 3.6, leadSalience: 0.8,
                                          tolerance: 0.5, blockThreshold: 1) == 4)
        // Never below the bargained proposal, never above the cap.
        #expect(CollectiveDecision.agenda(proposal: 4, requested: 3, cap: 5, leadPosition: 0, leadSalience: 1,
                                          tolerance: 0.5, blockThreshold: 1) == 4)
        #expect(CollectiveDecision.agenda(proposal: 1, requested: 5, cap: 2, leadPosition: 5, leadSalience: 1,
                                          tolerance: 0.5, blockThreshold: 1) == 2)
    }

    @Test func stanceRules() {
        func stance(_ position: Double, optOut: Bool) -> Stance {
            CollectiveDecision.stance(position: position, salience: 1, proposal: 4, isRequester: false, tolerance: 0.5,
                                      blockThreshold: 1, deference: 0, dependenceOnLead: 0, optOut: optOut, optOutRelief: 1)
        }
        #expect(stance(3.6, optOut: false) == .support)  // within tolerance
        #expect(stance(3.2, optOut: false) == .support)  // resistance 0.8 goes along
        #expect(stance(2.5, optOut: false) == .block)  // 1.5 > 1
        #expect(stance(2.5, optOut: true) == .abstain)  // 1.5 <= 2
        #expect(stance(1.5, optOut: true) == .block)  // 2.5 > 2
    }

    @Test func forceAndArrival() {
        #expect(ForceGeneration.willingness(position: 4, from: 3) == 0.5)
        #expect(ForceGeneration.willingness(position: 2, from: 3) == 0)
        // The mission grows with the threat: 3,000 troops per unit, gravity 0.8, kind factor 0.95.
        #expect(abs(ForceGeneration.need(troopsPerThreat: 3000, gravity: 0.8, kindFactor: 0.95) - 2280) < 1e-9)
        // An ally with 500 of 10,000 troops on call owes 5% of a 2,000 mission; at willingness 0.6, 60.
        #expect(abs(ForceGeneration.allyContribution(onCall: 500, totalOnCall: 10_000, need: 2000, willingness: 0.6) - 60) < 1e-9)
        // Never more than it has on call.
        #expect(ForceGeneration.allyContribution(onCall: 500, totalOnCall: 600, need: 5000, willingness: 1) == 500)
        // The lead state fills the shortfall of a 2,000-troop mission: allies send 700, so 1,300
        // are missing; at willingness 0.8 it fills 1,040.
        #expect(ForceGeneration.leadContribution(need: 2000, allies: 700, reserve: 5000, willingness: 0.8) == 1040)
        // A reserve of 300 binds: 0.8 × 300.
        #expect(ForceGeneration.leadContribution(need: 2000, allies: 700, reserve: 300, willingness: 0.8) == 240)
        // No shortfall, nothing to fill.
        #expect(ForceGeneration.leadContribution(need: 2000, allies: 2500, reserve: 5000, willingness: 1) == 0)
        // Units on call count at the spare share, garrisons in theatre in full: 9000 × 0.2 + 500.
        #expect(ForceGeneration.leadReserve(onCall: 9000, spareCapacity: 0.2, inTheatre: 500) == 2300)
        // A garrison one scale away counts at 1/e; at the crisis in full.
        #expect(abs(ForceGeneration.garrisonInTheatre(personnel: 7000, distanceKm: 1500, scaleKm: 1500) - 7000 / M_E) < 1e-6)
        #expect(ForceGeneration.garrisonInTheatre(personnel: 500, distanceKm: 0, scaleKm: 1500) == 500)
        let days = ForceGeneration.daysToFirstArrival(nearestKm: 3000, decisionDelay: 0.8, staging: 0.3, speedKmh: 600)
        #expect(abs(days - (1.1 + 3000.0 / 14400)) < 1e-12)
    }

    @Test func threatAndCostTermsByHand() {
        // Kind factor: a state 1, armed groups 0.8, unrest 0.8 × 0.6; alleged backing adds half of 0.3.
        func k(_ state: Bool, _ isInternal: Bool, _ backing: Double) -> Double {
            MemberPreferences.kindFactor(state: state, isInternal: isInternal, backing: backing, nonstateShare: 0.8,
                                         internalShare: 0.6, backingWeight: 0.3)
        }
        #expect(k(true, false, 0) == 1)
        #expect(abs(k(false, false, 0.5) - 0.95) < 1e-12)
        #expect(abs(k(false, true, 0) - 0.48) < 1e-12)
        #expect(k(true, false, 0) >= k(false, false, 0))
        // Reach: the floor everywhere, all of it at the crisis.
        #expect(MemberPreferences.reach(distanceKm: 0, scaleKm: 1500, floor: 0.3) == 1)
        #expect(abs(MemberPreferences.reach(distanceKm: 1500, scaleKm: 1500, floor: 0.3) - (0.3 + 0.7 / M_E)) < 1e-9)
        // Deterrence: nothing below the threshold, (1 - 0.25) / 2 for an equal.
        #expect(MemberPreferences.deterrence(ratio: 0.1, threshold: 0.25) == 0)
        #expect(MemberPreferences.deterrence(ratio: 1, threshold: 0.25) == 0.375)
        // Reliability: an autocracy at 0.9 discounts 0.2 × 0.9; the lead state as a major power 0.2 more.
        #expect(abs(MemberPreferences.reliability(autocracy: 0.9, isLead: false, autocracyWeight: 0.2, majorPowerWeight: 0.2) - 0.82) < 1e-12)
        #expect(abs(MemberPreferences.reliability(autocracy: 0.9, isLead: true, autocracyWeight: 0.2, majorPowerWeight: 0.2) - 0.62) < 1e-12)
    }

    @Test func unilateralAndSatisfaction() {
        func p(ownSoil: Bool = false, presence: Double = 0, lead: Double = 0, level: Int = 0, committed: Double = 0) -> Double {
            UnilateralAction.probability(ownSoil: ownSoil, presence: presence, leadPosition: lead, level: level, committed: committed,
                                         bias: -4, ownSoilWeight: 7, presenceWeight: 2, stakesWeight: 2.5, gapWeight: 2.5,
                                         capacityWeight: 1)
        }
        #expect(abs(p() - 1 / (1 + exp(4.0))) < 1e-9)
        // An armed threat on its own soil: logistic(3).
        #expect(abs(p(ownSoil: true) - 1 / (1 + exp(-3.0))) < 1e-9)
        // Wanting level 5 alone when the organization does nothing: -4 + 2.5 + 2.5 = 1.
        #expect(abs(p(lead: 5) - 1 / (1 + exp(-1.0))) < 1e-9)
        // The same want, the organization deploying: only the stakes count (accompanying action).
        #expect(abs(p(lead: 5, level: 5) - 0.18242552380635635) < 1e-9)
        #expect(p(lead: 5, committed: 1) < p(lead: 5))
        #expect(Consequences.satisfaction(requested: 5, got: 3) == 0.6)
        #expect(Consequences.satisfaction(requested: 3, got: 5) == 1)
    }
}

@Suite struct FastExpTests {
    @Test func matchesTheCLibraryTo3e10() {
        var worst = 0.0
        var x = -700.0
        while x <= 700 {
            let exact = exp(x)
            worst = max(worst, abs(pactExp(x) - exact) / exact)
            x += 0.37
        }
        #expect(worst < 3e-10)
        #expect(pactExp(0) == 1)
        #expect(pactExp(-800) == 0)
        #expect(pactExp(800) == .infinity)
    }
}

@Suite struct NonInterferenceTests {
    @Test func aDomesticCrisisWithoutARequestAllowsStatementsOnly() {
        let input = TriggerInput(article: nil, territory: .sovereign, adversaryKind: .internal, backing: .alleged,
                                 adversaryIsParty: false, requesterStatus: nil, hasRequester: false, locationStatus: .member,
                                 reformInForce: true, collectiveForcesExist: true)
        let t = LegalTrigger.assess(input)
        #expect(t.cap == .statement)
        #expect(t.reasons.last!.contains("non-interference"))
    }
}

@Suite struct DomesticCrisisTests {
    func crisis(_ type: Crisis.CrisisType, _ kind: Adversary.Kind, _ backing: Adversary.Backing) -> Crisis {
        Crisis(type: type, location: "TJK", territory: .sovereign, requester: nil, article: nil, belligerents: nil,
               adversary: Adversary(kind: kind, actor: nil, externalBacking: backing),
               severity: Severity(deaths: 10, displaced: 0, territoryKm2: 0), expectedDurationDays: 3)
    }

    @Test func homeGrownUnrestAndInsurgencyAreDomesticTerrorismIsNot() {
        #expect(crisis(.internalUnrest, .nonstate, .alleged).isDomestic)
        #expect(crisis(.hybrid, .internal, .evident).isDomestic)
        #expect(crisis(.insurgency, .nonstate, .none).isDomestic)
        #expect(!crisis(.insurgency, .nonstate, .alleged).isDomestic)
        #expect(!crisis(.terrorism, .nonstate, .none).isDomestic)
        #expect(!crisis(.borderClash, .state, .none).isDomestic)
    }
}

@Suite struct ShippedParametersTests {
    @Test func theDefaultFileNamesExactlyTheEngineParameters() throws {
        let set = try Embedded.defaultParameters()
        try ParameterFile.check(set, against: CrisisParameter.allCases.map(\.name), file: "default.yaml")
        #expect(CrisisParameter.levelWeights.allSatisfy { set.contains($0.name) })
        #expect(Set(CrisisParameter.allCases.map(\.stage)) == Set(CrisisParameter.Stage.allCases))
    }
}
