/// The files that run a sweep's shards on a cluster and merge them: a Slurm job array and a
/// dependent merge job, or a Kubernetes Indexed Job and a merge Job. Text only; the CLI writes
/// them into a directory.
///
/// Every shard runs the same `pact sweep` command with `--shard k/N`, k being the scheduler's
/// index (`SLURM_ARRAY_TASK_ID`, `JOB_COMPLETION_INDEX`, from 0), and writes
/// `shards/shard-k.json`; the merge step runs `pact merge` over the N files.
public struct ClusterJobs: Sendable {
    /// The pact executable as the cluster's nodes see it.
    public var pact: String
    /// The `pact sweep` arguments that define the sweep (no --shard, -o or --emit).
    public var sweepArguments: [String]
    /// The `pact merge` arguments after the shard files (--format, --chart).
    public var mergeArguments: [String]
    public var shards: Int
    /// The directory the files are written to, as the nodes see it (shared file system).
    public var directory: String

    public init(pact: String, sweepArguments: [String], mergeArguments: [String], shards: Int, directory: String) {
        self.pact = pact
        self.sweepArguments = sweepArguments
        self.mergeArguments = mergeArguments
        self.shards = shards
        self.directory = directory
    }

    /// POSIX shell quoting: every argument in single quotes unless it is plainly safe.
    public static func quote(_ argument: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,@%+")
        if !argument.isEmpty, argument.allSatisfy({ safe.contains($0) }) { return argument }
        return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func command(_ words: [String]) -> String { words.map(quote).joined(separator: " ") }

    /// The arguments of shard `index` (what the array task or pod runs), for tests and docs.
    public func shardArguments(index: Int) -> [String] {
        ["sweep"] + sweepArguments + ["--shard", "\(index)/\(shards)", "-o", "shards/shard-\(index).json"]
    }

    // MARK: Slurm

    /// `sweep.sbatch`: the job array, one shard per array task.
    public var slurmArray: String {
        """
        #!/bin/bash
        # A sensitivity sweep split into \(shards) shards, one Slurm array task each.
        #SBATCH --job-name=pact-sweep
        #SBATCH --array=0-\(shards - 1)
        #SBATCH --ntasks=1
        #SBATCH --cpus-per-task=1
        #SBATCH --chdir=\(Self.quote(directory))
        #SBATCH --output=logs/sweep-%A-%a.out
        set -euo pipefail
        mkdir -p shards
        exec \(Self.quote(pact)) sweep \(Self.command(sweepArguments)) \\
            --shard "${SLURM_ARRAY_TASK_ID}/\(shards)" -o "shards/shard-${SLURM_ARRAY_TASK_ID}.json"

        """
    }

    /// `merge.sbatch`: runs once every array task has succeeded (submitted with
    /// `--dependency=afterok:<array job id>`), writes `result.txt`.
    public var slurmMerge: String {
        """
        #!/bin/bash
        # Merges the \(shards) shards of the sweep into the result an unsharded run prints.
        #SBATCH --job-name=pact-merge
        #SBATCH --ntasks=1
        #SBATCH --chdir=\(Self.quote(directory))
        #SBATCH --output=logs/merge-%j.out
        set -euo pipefail
        \(Self.quote(pact)) merge \(shardFiles)\(mergeArguments.isEmpty ? "" : " " + Self.command(mergeArguments)) > result.txt.partial
        mv result.txt.partial result.txt

        """
    }

    /// The shard files by name, in order: `pact merge` is given exactly the files it needs, so
    /// a missing one is reported by name instead of silently skipped by a glob.
    var shardFiles: String { (0..<shards).map { "shards/shard-\($0).json" }.joined(separator: " ") }

    /// `submit.sh`: the two submissions, the merge depending on the whole array.
    public var slurmSubmit: String {
        """
        #!/bin/bash
        # Submits the sweep's job array and the merge job that waits for it.
        set -euo pipefail
        cd "$(dirname "$0")"
        mkdir -p logs shards
        array=$(sbatch --parsable sweep.sbatch)
        array=${array%%;*}
        merge=$(sbatch --parsable --dependency=afterok:"$array" merge.sbatch)
        echo "array job $array, merge job ${merge%%;*}; the result will be in $(pwd)/result.txt"

        """
    }

    public var slurmReadme: String {
        """
        # A Pact sensitivity sweep for Slurm

        \(shards) shards, one per task of a Slurm job array; a merge job runs when all of them have succeeded.

        Submit (from this directory, on a login node that sees it and the pact executable):

            array=$(sbatch --parsable sweep.sbatch)
            sbatch --dependency=afterok:${array%%;*} merge.sbatch

        (`./submit.sh` does the same.) Array task k runs

            \(Self.quote(pact)) \(Self.command(shardArguments(index: 0)).replacingOccurrences(of: "0/\(shards)", with: "k/\(shards)").replacingOccurrences(of: "shard-0", with: "shard-k"))

        and the merge job writes `result.txt`, byte for byte what the unsharded sweep prints:

            \(Self.quote(pact)) sweep \(Self.command(sweepArguments + mergeArguments))

        A failed task can be rerun alone: `sbatch --array=k sweep.sbatch`, then submit merge.sbatch again.

        """
    }

    // MARK: Kubernetes

    /// `job.yaml`: an Indexed Job whose pod k runs shard k, writing into a shared volume.
    public func kubernetesJob(image: String, claim: String) -> String {
        let args = (shardArguments(index: 0).dropLast(4) + ["--shard", "$(JOB_COMPLETION_INDEX)/\(shards)",
                                                            "-o", "/work/shards/shard-$(JOB_COMPLETION_INDEX).json"])
        return """
        # A Pact sensitivity sweep as a Kubernetes Indexed Job: pod k (JOB_COMPLETION_INDEX = k) runs shard k of \(shards).
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: pact-sweep
        spec:
          completionMode: Indexed
          completions: \(shards)
          parallelism: \(shards)
          backoffLimitPerIndex: 2
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: shard
                  image: \(yaml(image))
                  command: [\(yaml(pact))]
                  args: [\(args.map(yaml).joined(separator: ", "))]
                  env:
                    - name: JOB_COMPLETION_INDEX
                      valueFrom:
                        fieldRef:
                          fieldPath: metadata.annotations['batch.kubernetes.io/job-completion-index']
                  volumeMounts:
                    - name: work
                      mountPath: /work
              volumes:
                - name: work
                  persistentVolumeClaim:
                    claimName: \(yaml(claim))

        """
    }

    /// `merge-job.yaml`: one pod that merges the shards and prints the result to its log.
    public func kubernetesMerge(image: String, claim: String) -> String {
        let files = (0..<shards).map { "/work/shards/shard-\($0).json" }
        return """
        # Merges the \(shards) shards of pact-sweep; run it after pact-sweep has completed.
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: pact-sweep-merge
        spec:
          completions: 1
          backoffLimit: 0
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: merge
                  image: \(yaml(image))
                  command: [\(yaml(pact))]
                  args: [\((["merge"] + files + mergeArguments).map(yaml).joined(separator: ", "))]
                  volumeMounts:
                    - name: work
                      mountPath: /work
              volumes:
                - name: work
                  persistentVolumeClaim:
                    claimName: \(yaml(claim))

        """
    }

    /// `volume.yaml`: the shared volume both Jobs mount.
    public func kubernetesVolume(claim: String) -> String {
        """
        # The volume the shards are written to and merged from.
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: \(yaml(claim))
        spec:
          accessModes: [ReadWriteMany]
          resources:
            requests:
              storage: 1Gi

        """
    }

    public func kubernetesReadme(image: String) -> String {
        """
        # A Pact sensitivity sweep for Kubernetes

        An Indexed Job of \(shards) pods: pod k has `JOB_COMPLETION_INDEX=k` and runs shard k, writing
        `/work/shards/shard-k.json` on a shared volume; a second Job merges them. The image
        (`\(image)`) must contain `\(pact)`.

            kubectl apply -f volume.yaml
            kubectl apply -f job.yaml
            kubectl wait --for=condition=complete job/pact-sweep --timeout=2h
            kubectl apply -f merge-job.yaml
            kubectl wait --for=condition=complete job/pact-sweep-merge --timeout=10m
            kubectl logs job/pact-sweep-merge > result.txt

        `result.txt` is byte for byte what the unsharded sweep prints:

            pact sweep \(Self.command(sweepArguments + mergeArguments))

        """
    }

    /// A YAML flow scalar: double-quoted, with backslashes and quotes escaped.
    func yaml(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
