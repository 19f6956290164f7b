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

    @Test func noCollectiveForceMeansNoDeployment() {
        let t = LegalTrigger.assess(input(forces: false))
        #expect(t.cap == .aid)
        #expect(t.reasons.last!.contains("no collective force"))
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

    @Test func spilloverFallsWithDistance() {
        #expect(abs(MemberPreferences.spillover(distanceKm: 1500, scaleKm: 1500, severity: 1) - exp(-1)) < 1e-9)
        #expect(MemberPreferences.spillover(distanceKm: 0, scaleKm: 1500, severity: 0.5) == 0.5)
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
        #expect(ForceGeneration.contribution(assigned: 1000, share: 0.6, willingness: 0.5, spareCapacity: 0.5) == 150)
        // The lead state fills the shortfall of a 2,000-troop mission: allies send 700, its own
        // share is 600, so 700 are missing; at willingness 0.8 it fills 0.8 × 700 = 560.
        #expect(ForceGeneration.leadContribution(ownShare: 600, mission: 2000, allies: 700, reserve: 5000, willingness: 0.8)
            == 600 + 560)
        // A reserve of 300 binds: 600 + 0.8 × 300.
        #expect(ForceGeneration.leadContribution(ownShare: 600, mission: 2000, allies: 700, reserve: 300, willingness: 0.8)
            == 840)
        // No shortfall, nothing to fill.
        #expect(ForceGeneration.leadContribution(ownShare: 600, mission: 2000, allies: 1500, reserve: 5000, willingness: 1)
            == 600)
        // Units on call elsewhere count at the spare share, garrisons in theatre in full:
        // 9000 × 0.2 + 500.
        #expect(ForceGeneration.leadReserve(onCall: 9000, spareCapacity: 0.2, inTheatre: 500) == 2300)
        // A garrison one scale away counts at 1/e; at the crisis in full.
        #expect(abs(ForceGeneration.garrisonInTheatre(personnel: 7000, distanceKm: 1500, scaleKm: 1500) - 7000 / M_E) < 1e-6)
        #expect(ForceGeneration.garrisonInTheatre(personnel: 500, distanceKm: 0, scaleKm: 1500) == 500)
        let days = ForceGeneration.daysToFirstArrival(nearestKm: 3000, decisionDelay: 0.8, staging: 0.3, speedKmh: 600)
        #expect(abs(days - (1.1 + 3000.0 / 14400)) < 1e-12)
    }

    @Test func unilateralAndSatisfaction() {
        let p = UnilateralAction.probability(leadPosition: 5, level: 0, bias: -2.5, gapWeight: 5)
        #expect(abs(p - 1 / (1 + exp(-2.5))) < 1e-9)
        #expect(UnilateralAction.probability(leadPosition: 2, level: 3, bias: 0, gapWeight: 5) == 0.5)
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
