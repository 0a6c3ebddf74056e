//! Knuth–Plass total-fit line breaking over boxes, glue and penalties. It
//! chooses all the breaks of a paragraph together, minimising the sum of
//! demerits, so no line ends up much looser than its neighbours.

/// An item of the paragraph's horizontal list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Item {
    /// Unbreakable material of a fixed width.
    Box { width: f32 },
    /// A space that may stretch and shrink, and where a line may end.
    Glue {
        width: f32,
        stretch: f32,
        shrink: f32,
    },
    /// A possible break with a cost; `width` is added only if the line ends
    /// here (the hyphen). `flagged` marks hyphen breaks.
    Penalty {
        width: f32,
        penalty: f32,
        flagged: bool,
    },
}

/// Penalty values at or above this forbid a break; at or below minus it force one.
pub const INFINITY: f32 = 10_000.0;

/// A chosen break: the index of the item where the line ends, and the
/// adjustment ratio of the line that ends there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Break {
    pub position: usize,
    pub ratio: f32,
}

/// Tunables of the algorithm.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// The largest adjustment ratio accepted for a line.
    pub tolerance: f32,
    pub line_penalty: f32,
    /// Extra demerits for two hyphenated lines in a row.
    pub flagged_demerits: f32,
    /// Extra demerits for adjacent lines of very different tightness.
    pub fitness_demerits: f32,
    /// Whether flagged (hyphen) breaks may be used: the first pass tries
    /// without them on the same items.
    pub allow_flagged: bool,
    /// The last resort, like TeX's final pass: when no feasible line is
    /// left, a box wider than the line gets an overfull line of its own
    /// instead of the paragraph failing.
    pub overfull: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            tolerance: 2.0,
            line_penalty: 10.0,
            flagged_demerits: 10_000.0,
            fitness_demerits: 100.0,
            allow_flagged: true,
            overfull: false,
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Node {
    position: usize,
    line: usize,
    fitness: usize,
    width: f32,
    stretch: f32,
    shrink: f32,
    demerits: f32,
    ratio: f32,
    prev: Option<usize>,
}

fn fitness_class(r: f32) -> usize {
    if r < -0.5 {
        0
    } else if r <= 0.5 {
        1
    } else if r <= 1.0 {
        2
    } else {
        3
    }
}

/// Prefix sums of width, stretch and shrink before each item.
struct Sums {
    width: Vec<f32>,
    stretch: Vec<f32>,
    shrink: Vec<f32>,
}

impl Sums {
    fn new(items: &[Item]) -> Sums {
        let n = items.len();
        let mut s = Sums {
            width: vec![0.0; n + 1],
            stretch: vec![0.0; n + 1],
            shrink: vec![0.0; n + 1],
        };
        for (i, item) in items.iter().enumerate() {
            let (w, y, z) = match *item {
                Item::Box { width } => (width, 0.0, 0.0),
                Item::Glue {
                    width,
                    stretch,
                    shrink,
                } => (width, stretch, shrink),
                Item::Penalty { .. } => (0.0, 0.0, 0.0),
            };
            s.width[i + 1] = s.width[i] + w;
            s.stretch[i + 1] = s.stretch[i] + y;
            s.shrink[i + 1] = s.shrink[i] + z;
        }
        s
    }

    /// Adjustment ratio of a line from `node` to a break at `b`.
    fn ratio(&self, node: &Node, b: usize, pen_width: f32, line_width: f32) -> f32 {
        let width = self.width[b] - node.width + pen_width;
        if width < line_width {
            let stretch = self.stretch[b] - node.stretch;
            if stretch > 0.0 {
                (line_width - width) / stretch
            } else {
                f32::INFINITY
            }
        } else if width > line_width {
            let shrink = self.shrink[b] - node.shrink;
            if shrink > 0.0 {
                (line_width - width) / shrink
            } else {
                f32::NEG_INFINITY
            }
        } else {
            0.0
        }
    }
}

/// A legal break: its penalty, the width it adds (a hyphen), and whether
/// it is a hyphen break.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    penalty: f32,
    width: f32,
    flagged: bool,
}

fn candidate(items: &[Item], b: usize, params: &Params) -> Option<Candidate> {
    match items[b] {
        Item::Box { .. } => None,
        Item::Glue { .. } => {
            (b > 0 && matches!(items[b - 1], Item::Box { .. })).then_some(Candidate {
                penalty: 0.0,
                width: 0.0,
                flagged: false,
            })
        }
        Item::Penalty {
            width,
            penalty,
            flagged,
        } => (penalty < INFINITY && (params.allow_flagged || !flagged)).then_some(Candidate {
            penalty,
            width,
            flagged,
        }),
    }
}

/// Demerits of a feasible line from `node` ending at candidate `c` at `b`.
fn demerits(items: &[Item], node: &Node, c: Candidate, ratio: f32, params: &Params) -> f32 {
    let forced = c.penalty <= -INFINITY;
    let badness = 100.0 * ratio.abs().powi(3);
    let base = (params.line_penalty + badness).powi(2);
    let mut demerits = if c.penalty >= 0.0 {
        base + c.penalty * c.penalty
    } else if !forced {
        base - c.penalty * c.penalty
    } else {
        base
    };
    let prev_flagged = matches!(
        items.get(node.position),
        Some(Item::Penalty { flagged: true, .. })
    ) && node.position > 0;
    if c.flagged && prev_flagged {
        demerits += params.flagged_demerits;
    }
    // Like TeX's \finalhyphendemerits: a hyphen on the line before the
    // last leaves a lonely word fragment.
    if forced && prev_flagged {
        demerits += params.flagged_demerits / 2.0;
    }
    if fitness_class(ratio).abs_diff(node.fitness) > 1 {
        demerits += params.fitness_demerits;
    }
    demerits + node.demerits
}

/// The running state of one paragraph's breaking.
struct Breaker<'a> {
    items: &'a [Item],
    sums: Sums,
    line_width: f32,
    params: &'a Params,
    nodes: Vec<Node>,
    active: Vec<usize>,
}

impl Breaker<'_> {
    /// Tries every active node against the break at `b`, drops the nodes
    /// that can no longer start a line reaching past it, and records the
    /// best new node per fitness class.
    fn consider(&mut self, b: usize, c: Candidate) {
        let forced = c.penalty <= -INFINITY;
        // Best candidate per fitness class: (demerits, from node, ratio).
        let mut best: [Option<(f32, usize, f32)>; 4] = [None; 4];
        let mut keep = Vec::with_capacity(self.active.len());
        // The overfull fallback: the latest node dropped here.
        let mut dropped: Option<(usize, f32)> = None;
        for &a in &self.active {
            let node = self.nodes[a];
            let ratio = self.sums.ratio(&node, b, c.width, self.line_width);
            if ratio < -1.0 || forced {
                let later = dropped.is_none_or(|(d, _)| {
                    let other = &self.nodes[d];
                    (node.position, -node.demerits) > (other.position, -other.demerits)
                });
                if later {
                    dropped = Some((a, ratio));
                }
            } else {
                keep.push(a);
            }
            if (-1.0..=self.params.tolerance).contains(&ratio) {
                let d = demerits(self.items, &node, c, ratio, self.params);
                let slot = &mut best[fitness_class(ratio)];
                if slot.is_none_or(|(old, _, _)| d < old) {
                    *slot = Some((d, a, ratio));
                }
            }
        }
        self.active = keep;
        let none = best.iter().all(Option::is_none);
        if let (true, true, true, Some((from, ratio))) =
            (self.params.overfull, none, self.active.is_empty(), dropped)
        {
            // As tight as the line can be set; still wider than the measure.
            let ratio = if ratio.is_finite() {
                ratio.max(-1.0)
            } else {
                0.0
            };
            let d = demerits(self.items, &self.nodes[from], c, ratio, self.params);
            best[fitness_class(ratio)] = Some((d, from, ratio));
        }
        self.record(b, &best);
    }

    /// Adds the new nodes at `b`, with the totals after the glue and
    /// penalties that vanish at a break.
    fn record(&mut self, b: usize, best: &[Option<(f32, usize, f32)>; 4]) {
        let n = self.items.len();
        let mut after = b;
        while after < n {
            match self.items[after] {
                Item::Box { .. } => break,
                Item::Penalty { penalty, .. } if penalty <= -INFINITY && after > b => break,
                _ => after += 1,
            }
        }
        for (fitness, slot) in best.iter().enumerate() {
            if let Some((demerits, from, ratio)) = *slot {
                self.nodes.push(Node {
                    position: b,
                    line: self.nodes[from].line + 1,
                    fitness,
                    width: self.sums.width[after],
                    stretch: self.sums.stretch[after],
                    shrink: self.sums.shrink[after],
                    demerits,
                    ratio,
                    prev: Some(from),
                });
                self.active.push(self.nodes.len() - 1);
            }
        }
    }

    /// The breaks of the best node at the final item, first to last.
    fn trace(&self) -> Option<Vec<Break>> {
        let last = self.items.len().checked_sub(1)?;
        let best = self
            .active
            .iter()
            .copied()
            .filter(|&a| self.nodes[a].position == last)
            .min_by(|&x, &y| self.nodes[x].demerits.total_cmp(&self.nodes[y].demerits))?;
        let mut breaks = Vec::new();
        let mut cur = Some(best);
        while let Some(i) = cur {
            let node = self.nodes[i];
            if node.prev.is_none() {
                break;
            }
            breaks.push(Break {
                position: node.position,
                ratio: node.ratio,
            });
            cur = node.prev;
        }
        breaks.reverse();
        Some(breaks)
    }
}

/// Finds the optimal breaks for lines of width `line_width`, or `None` if no
/// set of breaks keeps every line within the tolerance (never with
/// `params.overfull`). The last item must be a forced break.
pub fn break_lines(items: &[Item], line_width: f32, params: &Params) -> Option<Vec<Break>> {
    let mut breaker = Breaker {
        items,
        sums: Sums::new(items),
        line_width,
        params,
        nodes: vec![Node {
            position: 0,
            line: 0,
            fitness: 1,
            width: 0.0,
            stretch: 0.0,
            shrink: 0.0,
            demerits: 0.0,
            ratio: 0.0,
            prev: None,
        }],
        active: vec![0],
    };
    for b in 0..items.len() {
        let Some(c) = candidate(items, b, params) else {
            continue;
        };
        breaker.consider(b, c);
        if breaker.active.is_empty() {
            return None;
        }
    }
    breaker.trace()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(ws: &[f32]) -> Vec<Item> {
        let mut items = Vec::new();
        for (i, &w) in ws.iter().enumerate() {
            if i > 0 {
                items.push(Item::Glue {
                    width: 1.0,
                    stretch: 0.5,
                    shrink: 0.33,
                });
            }
            items.push(Item::Box { width: w });
        }
        items.push(Item::Glue {
            width: 0.0,
            stretch: 1e5,
            shrink: 0.0,
        });
        items.push(Item::Penalty {
            width: 0.0,
            penalty: -INFINITY,
            flagged: false,
        });
        items
    }

    #[test]
    fn breaks_evenly() {
        let items = words(&[3.0; 6]);
        let b = break_lines(&items, 7.0, &Params::default()).unwrap();
        assert_eq!(b.len(), 3);
        assert!(b.iter().take(2).all(|x| x.ratio.abs() < 1e-3));
    }

    #[test]
    fn impossible_is_none() {
        let items = words(&[30.0]);
        assert!(break_lines(&items, 7.0, &Params::default()).is_none());
    }

    #[test]
    fn the_last_resort_gives_an_overfull_box_a_line_of_its_own() {
        let items = words(&[3.0, 3.0, 30.0, 3.0]);
        let params = Params {
            tolerance: f32::INFINITY,
            overfull: true,
            ..Params::default()
        };
        let b = break_lines(&items, 7.0, &params).expect("never none");
        // «3 3» | «30» (overfull; no glue to shrink) | «3».
        let ends: Vec<usize> = b.iter().map(|x| x.position).collect();
        assert_eq!(ends, [3, 5, items.len() - 1]);
        assert_eq!(b[1].ratio, 0.0);
    }
}
