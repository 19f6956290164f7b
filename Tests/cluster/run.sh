#!/usr/bin/env bash
# A real single-node Slurm cluster runs a sharded sensitivity sweep: `pact sweep --emit slurm`
# writes a 4-task job array and a merge job that depends on it (afterok); both are submitted with
# the commands of the emitted README, and the merged output must equal the unsharded sweep byte
# for byte. Installs Debian's slurm-wlm and munge if missing, keeps all state in a temporary
# directory, and stops the daemons it started by their PIDs when it exits.
set -euo pipefail
cd "$(dirname "$0")/../.."
TIMEOUT=${PACT_CLUSTER_TIMEOUT:-300}

if [ "$(id -u)" != 0 ]; then
    echo "cluster test: needs root to start slurmctld, slurmd and munged; skipped" >&2
    exit 0
fi
if ! dpkg -s slurm-wlm munge >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi
if [ -z "${PACT:-}" ]; then
    swift build --product pact >/dev/null
    PACT="$(swift build --show-bin-path)/pact"
fi

WORK=$(mktemp -d /tmp/pact-slurm.XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() {
    local status=$?
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    done
    if [ "$status" != 0 ]; then
        echo "--- slurmctld log"; tail -n 30 "$WORK/slurmctld.log" 2>/dev/null || true
        echo "--- slurmd log"; tail -n 30 "$WORK/slurmd.log" 2>/dev/null || true
        echo "--- job logs"; tail -n 20 "$WORK"/jobs/logs/* 2>/dev/null || true
    fi
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT

# munge: its own key and socket, run as user munge (its directories must be owned by it).
install -d -o munge -g munge -m 0755 /run/munge
install -d -o munge -g munge -m 0700 "$WORK/munge"
dd if=/dev/urandom of="$WORK/munge/munge.key" bs=1024 count=1 status=none
chown munge:munge "$WORK/munge/munge.key"
chmod 0400 "$WORK/munge/munge.key"
SOCKET=/run/munge/pact-test-$$.socket
runuser -u munge -- /usr/sbin/munged --foreground --force --socket="$SOCKET" --key-file="$WORK/munge/munge.key" \
    --pid-file="$WORK/munge/munged.pid" --seed-file="$WORK/munge/munged.seed" --log-file="$WORK/munge/munged.log" >/dev/null 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do [ -S "$SOCKET" ] && break; sleep 0.1; done
[ -S "$SOCKET" ] || { echo "munged did not start" >&2; exit 1; }

# A minimal single-node cluster: this host with its real CPUs, ports away from the defaults.
NODE=$(hostname -s)
CPUS=$(nproc)
mkdir -p "$WORK/state" "$WORK/spool"
export SLURM_CONF="$WORK/slurm.conf"
cat > "$SLURM_CONF" <<CONF
ClusterName=pacttest
SlurmctldHost=$NODE
SlurmUser=root
SlurmctldPort=16917
SlurmdPort=16918
AuthType=auth/munge
AuthInfo=socket=$SOCKET
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
SlurmctldLogFile=$WORK/slurmctld.log
SlurmdLogFile=$WORK/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
NodeName=$NODE CPUs=$CPUS State=UNKNOWN
PartitionName=test Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
CONF
/usr/sbin/slurmctld -D -i -f "$SLURM_CONF" >/dev/null 2>&1 &
PIDS+=($!)
/usr/sbin/slurmd -D -f "$SLURM_CONF" >/dev/null 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do
    sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed|allocated)' && break
    sleep 0.2
done
sinfo -h -o %T | grep -qE '^(idle|mixed|allocated)' || { echo "the node did not come up: $(sinfo -h 2>&1)" >&2; exit 1; }

# A small sweep, unsharded and as a 4-task array.
SWEEP=(kgz-mass-unrest-2026 --method oat --draws 300 --seed 11 --threads 1)
"$PACT" sweep "${SWEEP[@]}" --format csv > "$WORK/expected.csv"
"$PACT" sweep "${SWEEP[@]}" --format csv --emit slurm "$WORK/jobs" --shards 4 >/dev/null
grep -q -- '--array=0-3' "$WORK/jobs/sweep.sbatch"
cd "$WORK/jobs"
array=$(sbatch --parsable sweep.sbatch)
array=${array%%;*}
merge=$(sbatch --parsable --dependency=afterok:"$array" merge.sbatch)
merge=${merge%%;*}
echo "cluster test: array job $array (4 tasks), merge job $merge"
deadline=$((SECONDS + TIMEOUT))
while squeue -h -j "$array,$merge" 2>/dev/null | grep -q .; do
    if [ $SECONDS -ge $deadline ]; then
        echo "cluster test: jobs still queued or running after ${TIMEOUT}s" >&2
        squeue >&2
        exit 1
    fi
    sleep 1
done
[ "$(ls shards/shard-*.json | wc -l)" = 4 ] || { echo "cluster test: expected 4 shard files, got: $(ls shards)" >&2; exit 1; }
[ -f result.txt ] || { echo "cluster test: the merge job wrote no result" >&2; exit 1; }
if ! cmp -s result.txt "$WORK/expected.csv"; then
    echo "cluster test: merged output differs from the unsharded sweep" >&2
    diff "$WORK/expected.csv" result.txt | head -20 >&2
    exit 1
fi
echo "cluster test: 4 array tasks merged byte-identically to the unsharded sweep ($(wc -l < result.txt) lines)"
