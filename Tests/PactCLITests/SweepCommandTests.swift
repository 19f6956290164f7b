import Foundation
import Testing

/// `pact sweep` and `pact merge` as a user runs them: shards merge to the unsharded bytes for any
/// split, bad pieces are refused with exit 2, and the cluster job files map indices to shards.
@Suite("pact sweep and merge")
struct SweepCommandTests {
    static let sweep = ["sweep", "kgz-mass-unrest-2026", "arm-azerbaijani-attack-2026", "--method", "morris", "--trajectories", "3",
                        "--draws", "200", "--seed", "9"]

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pact-sweep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func shardsMergeToTheUnshardedOutputForAnySplit() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ["table", "json", "csv"] {
            let whole = try runPact(Self.sweep + ["--format", format, "--chart", dir.appendingPathComponent("whole.svg").path])
            #expect(whole.status == 0, "\(whole.stderr)")
            #expect(!whole.stdout.isEmpty)
            for n in format == "csv" ? [1, 2, 3, 7] : [3] {
                var files: [String] = []
                for k in 0..<n {
                    let file = dir.appendingPathComponent("\(format)-\(k)-of-\(n).json").path
                    let shard = try runPact(Self.sweep + ["--shard", "\(k)/\(n)", "-o", file, "--threads", "1"])
                    #expect(shard.status == 0, "\(shard.stderr)")
                    files.append(file)
                }
                let merged = try runPact(["merge"] + files.reversed() + ["--format", format, "--chart",
                                                                         dir.appendingPathComponent("merged.svg").path])
                #expect(merged.status == 0, "\(merged.stderr)")
                #expect(merged.stdout == whole.stdout, "\(format), \(n) shards")
                let a = try Data(contentsOf: dir.appendingPathComponent("whole.svg"))
                let b = try Data(contentsOf: dir.appendingPathComponent("merged.svg"))
                #expect(a == b)
            }
        }
    }

    @Test func mergeRefusesMixedDuplicateAndMissingShards() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func shard(_ k: Int, _ n: Int, seed: String = "9") throws -> String {
            let file = dir.appendingPathComponent("s\(seed)-\(k)-\(n).json").path
            let r = try runPact(Array(Self.sweep.dropLast()) + [seed, "--shard", "\(k)/\(n)", "-o", file])
            #expect(r.status == 0, "\(r.stderr)")
            return file
        }
        let a0 = try shard(0, 3), a1 = try shard(1, 3), a2 = try shard(2, 3), b1 = try shard(1, 3, seed: "10")
        let mixed = try runPact(["merge", a0, b1, a2])
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("different sweep"))
        let duplicate = try runPact(["merge", a0, a1, a1, a2])
        #expect(duplicate.status == 2)
        #expect(duplicate.stderr.contains("given twice"))
        let gap = try runPact(["merge", a0, a2])
        #expect(gap.status == 2)
        #expect(gap.stderr.contains("missing shard(s) 1 of 3"))
        let otherSplit = try shard(0, 2)
        let split = try runPact(["merge", a0, otherSplit])
        #expect(split.status == 2)
        let garbage = dir.appendingPathComponent("garbage.json")
        try Data("{\"format\": 1}".utf8).write(to: garbage)
        let bad = try runPact(["merge", garbage.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("garbage.json"))
    }

    @Test func badSweepInputExitsTwo() throws {
        let unknown = try runPact(["sweep", "kgz-mass-unrest-2026", "--only", "no_such_parameter"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no_such_parameter"))
        let shard = try runPact(["sweep", "kgz-mass-unrest-2026", "--shard", "4/4", "-o", "/tmp/x.json"])
        #expect(shard.status == 2)
        let emit = try runPact(["sweep", "kgz-mass-unrest-2026", "--emit", "pbs", "/tmp/x"])
        #expect(emit.status == 2)
    }

    @Test func slurmAndKubernetesJobsMapEachIndexToItsShard() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let slurm = try runPact(Self.sweep + ["--format", "csv", "--emit", "slurm", dir.appendingPathComponent("slurm").path, "--shards", "5"])
        #expect(slurm.status == 0, "\(slurm.stderr)")
        let array = try String(contentsOf: dir.appendingPathComponent("slurm/sweep.sbatch"), encoding: .utf8)
        #expect(array.contains("#SBATCH --array=0-4\n"))
        #expect(array.contains("--shard \"${SLURM_ARRAY_TASK_ID}/5\" -o \"shards/shard-${SLURM_ARRAY_TASK_ID}.json\""))
        #expect(array.contains("--method morris --draws 200 --seed 9 --trajectories 3 --levels 4"))
        let merge = try String(contentsOf: dir.appendingPathComponent("slurm/merge.sbatch"), encoding: .utf8)
        #expect(merge.contains("merge shards/shard-0.json shards/shard-1.json shards/shard-2.json shards/shard-3.json shards/shard-4.json --format csv"))
        let readme = try String(contentsOf: dir.appendingPathComponent("slurm/README.md"), encoding: .utf8)
        #expect(readme.contains("sbatch --dependency=afterok:${array%%;*} merge.sbatch"))

        let k8s = try runPact(Self.sweep + ["--emit", "k8s", dir.appendingPathComponent("k8s").path, "--shards", "3", "--image", "registry/pact:1"])
        #expect(k8s.status == 0, "\(k8s.stderr)")
        let job = try String(contentsOf: dir.appendingPathComponent("k8s/job.yaml"), encoding: .utf8)
        #expect(job.contains("completionMode: Indexed"))
        #expect(job.contains("completions: 3"))
        #expect(job.contains("image: \"registry/pact:1\""))
        #expect(job.contains("fieldPath: metadata.annotations['batch.kubernetes.io/job-completion-index']"))
        // The args line, with the index substituted as Kubernetes does, is shard k of 3 for each k.
        let argsLine = try #require(job.split(separator: "\n").first { $0.contains("args:") })
        for k in 0..<3 {
            let expanded = argsLine.replacingOccurrences(of: "$(JOB_COMPLETION_INDEX)", with: String(k))
            #expect(expanded.contains("\"--shard\", \"\(k)/3\", \"-o\", \"/work/shards/shard-\(k).json\""))
        }
        let mergeJob = try String(contentsOf: dir.appendingPathComponent("k8s/merge-job.yaml"), encoding: .utf8)
        #expect(mergeJob.contains("\"merge\", \"/work/shards/shard-0.json\", \"/work/shards/shard-1.json\", \"/work/shards/shard-2.json\""))
    }

    @Test func issueAndOutlookSweepsMergeToTheUnshardedOutput() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let issue = ["sweep", "csto-nato-contacts-2026", "--method", "morris", "--trajectories", "4", "--seed", "3", "--format", "json"]
        let outlook = ["sweep", "--outlook", "--from", "2026-01-01", "--to", "2027-01-01", "--to", "2028-01-01",
                       "--only", "trust_loss", "--draws", "30", "--seed", "4", "--format", "csv"]
        for (name, arguments) in [("issue", issue), ("outlook", outlook)] {
            let whole = try runPact(arguments)
            #expect(whole.status == 0, "\(whole.stderr)")
            var files: [String] = []
            for k in 0..<2 {
                let file = dir.appendingPathComponent("\(name)-\(k).json").path
                let shard = try runPact(arguments + ["--shard", "\(k)/2", "-o", file, "--threads", "1"])
                #expect(shard.status == 0, "\(shard.stderr)")
                files.append(file)
            }
            let merged = try runPact(["merge"] + files + ["--format", arguments.last!])
            #expect(merged.status == 0, "\(merged.stderr)")
            #expect(merged.stdout == whole.stdout, "\(name)")
        }
        let json = try runPact(issue)
        #expect(json.stdout.contains("\"model\": \"issue\""))
        #expect(json.stdout.contains("\"RUS.position\""))
        #expect(json.stdout.contains("\"forecast median\""))
        let csv = try runPact(outlook)
        #expect(csv.stdout.contains("outlook 2026-01-01 to 2028-01-01,P(KAZ full),trust_loss,"))
    }

    @Test func issueAndOutlookSweepMistakesExitTwo() throws {
        let mixed = try runPact(["sweep", "csto-nato-contacts-2026", "kgz-mass-unrest-2026"])
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("sweep them separately"))
        let draws = try runPact(["sweep", "csto-nato-contacts-2026", "--draws", "10"])
        #expect(draws.status == 2)
        #expect(draws.stderr.contains("deterministic"))
        let spread = try runPact(["sweep", "csto-nato-contacts-2026", "--position-spread", "1.5"])
        #expect(spread.status == 2)
        let both = try runPact(["sweep", "--outlook", "kgz-mass-unrest-2026"])
        #expect(both.status == 2)
        let step = try runPact(["sweep", "--outlook", "--from", "2026-01-01", "--only", "step_years"])
        #expect(step.status == 2)
        #expect(step.stderr.contains("resolution"))
        let horizon = try runPact(["sweep", "--outlook", "--from", "2026-01-01", "--to", "2025-01-01"])
        #expect(horizon.status == 2)
        let stray = try runPact(["sweep", "kgz-mass-unrest-2026", "--to", "2030-01-01"])
        #expect(stray.status == 2)
    }
}
