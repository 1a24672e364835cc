<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>accessible</name>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Dataset size N</source>
        <translation>数据集大小 N</translation>
    </message>
    <message>
        <source>Batch size B</source>
        <translation>批大小 B</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Training speed</source>
        <translation>训练速度</translation>
    </message>
    <message>
        <source>Accumulate gradients over K batches</source>
        <translation>在 K 个批次上累积梯度</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮次数</translation>
    </message>
    <message>
        <source>Validation split: the share of the samples held out</source>
        <translation>验证集比例：留出的样本所占份额</translation>
    </message>
    <message>
        <source>Shuffle every epoch</source>
        <translation>每轮重新打乱</translation>
    </message>
    <message>
        <source>Drop last partial batch</source>
        <translation>丢弃最后一个不完整的批次</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层数</translation>
    </message>
    <message>
        <source>Neurons per hidden layer</source>
        <translation>每个隐藏层的神经元数</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>开始或暂停</translation>
    </message>
    <message>
        <source>Step one phase</source>
        <translation>前进一个阶段</translation>
    </message>
    <message>
        <source>Run to the end of the epoch</source>
        <translation>运行到本轮结束</translation>
    </message>
    <message>
        <source>Reset the run</source>
        <translation>重置运行</translation>
    </message>
    <message>
        <source>Memory one iteration needs for this batch size</source>
        <translation>这个批大小下一次迭代所需的内存</translation>
    </message>
    <message>
        <source>Network to size the memory for</source>
        <translation>用来估算内存的网络</translation>
    </message>
    <message>
        <source>Memory budget</source>
        <translation>内存预算</translation>
    </message>
    <message>
        <source>Schedule arithmetic</source>
        <translation>训练安排的算术</translation>
    </message>
    <message>
        <source>Epoch progress</source>
        <translation>轮次进度</translation>
    </message>
    <message>
        <source>Iteration within the epoch</source>
        <translation>本轮中的迭代</translation>
    </message>
    <message>
        <source>What the current iteration is doing</source>
        <translation>当前迭代正在做什么</translation>
    </message>
    <message>
        <source>Dataset: every sample, coloured by whether this epoch has seen it</source>
        <translation>数据集：每个样本，按本轮是否已见着色</translation>
    </message>
    <message>
        <source>Network: layers of neurons and the weights between them</source>
        <translation>网络：各层神经元以及它们之间的权重</translation>
    </message>
    <message>
        <source>What the network has learned</source>
        <translation>网络学到了什么</translation>
    </message>
    <message>
        <source>Loss per iteration chart</source>
        <translation>每次迭代的损失图</translation>
    </message>
    <message>
        <source>Point under the cursor</source>
        <translation>光标下的点</translation>
    </message>
    <message>
        <source>x axis</source>
        <translation>x 轴</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>Fit the chart to the data and follow it</source>
        <translation>让图表适应数据并跟随</translation>
    </message>
    <message>
        <source>Compare batch sizes side by side</source>
        <translation>并排比较不同的批大小</translation>
    </message>
    <message>
        <source>Loss of every compared run</source>
        <translation>每个比较运行的损失</translation>
    </message>
    <message>
        <source>x axis of the comparison</source>
        <translation>比较图的 x 轴</translation>
    </message>
    <message>
        <source>What each batch size costs</source>
        <translation>每种批大小的代价</translation>
    </message>
    <message>
        <source>Batch size of a new run</source>
        <translation>新运行的批大小</translation>
    </message>
    <message>
        <source>The training loop as code, with the line that runs</source>
        <translation>训练循环的代码，标出正在运行的行</translation>
    </message>
    <message>
        <source>Library the training loop is written with</source>
        <translation>编写训练循环所用的库</translation>
    </message>
    <message>
        <source>Training loop code</source>
        <translation>训练循环代码</translation>
    </message>
    <message>
        <source>{name} slider</source>
        <translation>{name} 滑块</translation>
    </message>
    <message>
        <source>{name} value</source>
        <translation>{name} 数值</translation>
    </message>
    <message>
        <source>Show run {label}</source>
        <translation>显示运行 {label}</translation>
    </message>
    <message>
        <source>Remove run {label}</source>
        <translation>移除运行 {label}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>epochviz: the runs did not finish within {seconds} s; the picture shows how far they got</source>
        <translation>epochviz：各个运行没有在 {seconds} 秒内完成；图片显示的是它们已经到达的进度</translation>
    </message>
    <message>
        <source>epochviz: {done} of {target} iterations ran within {seconds} s; the picture shows those</source>
        <translation>epochviz：{seconds} 秒内运行了 {target} 次迭代中的 {done} 次；图片显示的是这些</translation>
    </message>
    <message>
        <source>epochviz: error: {problem}</source>
        <translation>epochviz：错误：{problem}</translation>
    </message>
    <message>
        <source>the recording stopped</source>
        <translation>录制已停止</translation>
    </message>
    <message>
        <source>epochviz: error: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); run it on a desktop, or render one with --screenshot out.png</source>
        <translation>epochviz：错误：没有可以打开窗口的显示器（DISPLAY 和 WAYLAND_DISPLAY 都未设置）；请在桌面上运行，或用 --screenshot out.png 渲染一张图片</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示本帮助信息并退出</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 一起使用</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>忽略了显式参数 %r</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少以下必需参数：%s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>需要参数 %s 之一</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个值</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>最多需要一个值</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>至少需要一个值</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>有歧义的选项：%(option)s 可以匹配 %(matches)s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
    </message>
</context>
<context>
    <name>boundary</name>
    <message>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>Accuracy per digit (epoch {epoch})</source>
        <translation>每个数字的准确率（第 {epoch} 轮）</translation>
    </message>
    <message>
        <source>Accuracy per digit: after epoch 1</source>
        <translation>每个数字的准确率：第 1 轮结束后显示</translation>
    </message>
    <message>
        <source>Held-out accuracy per digit (epoch {epoch})</source>
        <translation>留出样本上每个数字的准确率（第 {epoch} 轮）</translation>
    </message>
    <message>
        <source>Held-out accuracy per digit: after epoch 1</source>
        <translation>留出样本上每个数字的准确率：第 1 轮结束后显示</translation>
    </message>
    <message>
        <source>row: true digit · column: predicted</source>
        <translation>行：真实数字 · 列：预测</translation>
    </message>
</context>
<context>
    <name>boxes</name>
    <message>
        <source>nothing</source>
        <translation>空内容</translation>
    </message>
    <message>
        <source>{label} needs a number; {what} was not used, kept {kept}.</source>
        <translation>{label} 需要一个数字；未使用 {what}，保持 {kept}。</translation>
    </message>
    <message>
        <source>{label} is a whole number; {typed} was not used, kept {kept}.</source>
        <translation>{label} 必须是整数；未使用 {typed}，保持 {kept}。</translation>
    </message>
    <message>
        <source>{label} must be at least {low}; {typed} was not used, kept {kept}.</source>
        <translation>{label} 至少为 {low}；未使用 {typed}，保持 {kept}。</translation>
    </message>
    <message>
        <source>{label} goes up to {high}; {typed} became {high}.</source>
        <translation>{label} 最大为 {high}；{typed} 已改为 {high}。</translation>
    </message>
</context>
<context>
    <name>chart</name>
    <message>
        <source>iteration</source>
        <translation>迭代 (iteration)</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次 (epoch)</translation>
    </message>
    <message>
        <source>samples seen</source>
        <translation>已见样本数</translation>
    </message>
    <message>
        <source>x: iterations</source>
        <translation>x：迭代</translation>
    </message>
    <message>
        <source>x: epochs</source>
        <translation>x：轮次</translation>
    </message>
    <message>
        <source>x: samples seen</source>
        <translation>x：已见样本</translation>
    </message>
    <message>
        <source>batch loss (every iteration)</source>
        <translation>批次损失（每次迭代）</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>平滑后</translation>
    </message>
    <message>
        <source>batch loss</source>
        <translation>批次损失</translation>
    </message>
    <message>
        <source>epoch-end loss</source>
        <translation>轮次末损失</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>epoch end: whole-dataset loss</source>
        <translation>轮次结束：整个数据集的损失</translation>
    </message>
    <message>
        <source>epoch end: training-set loss</source>
        <translation>轮次结束：训练集的损失</translation>
    </message>
    <message>
        <source>epoch end: validation loss (held-out samples)</source>
        <translation>轮次结束：验证损失（留出的样本）</translation>
    </message>
    <message>
        <source>epoch {n}</source>
        <translation>第 {n} 轮</translation>
    </message>
    <message>
        <source>epoch {n} end: training loss {loss} · validation loss {val_loss}</source>
        <translation>第 {n} 轮次结束：训练损失 {loss} · 验证损失 {val_loss}</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失 (loss)</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <source>Show all the data again and follow it as it grows</source>
        <translation>重新显示全部数据，并随数据增长自动跟随</translation>
    </message>
    <message>
        <source>iteration {g} (epoch {epoch}, iteration {iteration} of {per_epoch})  ·  batch loss {loss}  ·  smoothed {smoothed}</source>
        <translation>第 {g} 次迭代（第 {epoch} 轮，第 {iteration}/{per_epoch} 次）  ·  批次损失 {loss}  ·  平滑后 {smoothed}</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>must be a positive integer, got {value}</source>
        <translation>必须是正整数，收到的是 {value}</translation>
    </message>
    <message>
        <source>must be at most {most}, got {value}</source>
        <translation>最大为 {most}，收到的是 {value}</translation>
    </message>
    <message>
        <source>must be a positive number, got {value}</source>
        <translation>必须是正数，收到的是 {value}</translation>
    </message>
    <message>
        <source>must be up to 8 comma-separated widths from 1 to 1024 (or &apos;&apos; for none), got {value}</source>
        <translation>必须是最多 8 个用逗号分隔的宽度，每个 1 到 1024（&apos;&apos; 表示没有隐藏层），收到的是 {value}</translation>
    </message>
    <message>
        <source>must be 2 to 4 comma-separated batch sizes (positive integers or &apos;full&apos;), got {value}</source>
        <translation>必须是 2 到 4 个用逗号分隔的批大小（正整数或 &apos;full&apos;），收到的是 {value}</translation>
    </message>
    <message>
        <source>must be an integer from 1 (no accumulation) to 1,024, got {value}</source>
        <translation>必须是 1（不累积）到 1,024 之间的整数，收到的是 {value}</translation>
    </message>
    <message>
        <source>must be WIDTHxHEIGHT from 640x480 to 7680x4320, got {value}</source>
        <translation>必须是 宽x高，从 640x480 到 7680x4320，收到的是 {value}</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>needs a file name ending in {names}, got an empty path</source>
        <translation>需要一个以 {names} 结尾的文件名，收到的是空路径</translation>
    </message>
    <message>
        <source>cannot write {value}: {reason}</source>
        <translation>无法写入 {value}：{reason}</translation>
    </message>
    <message>
        <source>{value} has a name of {size} bytes; a file or folder name has at most {most}</source>
        <translation>{value} 的名称有 {size} 字节；文件或文件夹名称最多 {most} 字节</translation>
    </message>
    <message>
        <source>{value} is a folder; give a file name ending in {names}</source>
        <translation>{value} 是一个文件夹；请给出以 {names} 结尾的文件名</translation>
    </message>
    <message>
        <source>the name must end in {names}, got {value}</source>
        <translation>文件名必须以 {names} 结尾，收到的是 {value}</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>the folder {folder} cannot be written</source>
        <translation>文件夹 {folder} 无法写入</translation>
    </message>
    <message>
        <source>{prog}: error: {message}</source>
        <translation>{prog}：错误：{message}</translation>
    </message>
    <message>
        <source>dataset to train on</source>
        <translation>要训练的数据集</translation>
    </message>
    <message>
        <source>dataset size N</source>
        <translation>数据集大小 N</translation>
    </message>
    <message>
        <source>batch size B</source>
        <translation>批大小 (batch size) B</translation>
    </message>
    <message>
        <source>number of epochs</source>
        <translation>轮次 (epoch) 数</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>accumulate gradients over K batches per weight update (default 1: off)</source>
        <translation>每次权重更新累积 K 个批次的梯度（默认 1：关闭）</translation>
    </message>
    <message>
        <source>the window&apos;s language, English or Simplified Chinese (default: the one chosen last in the Language menu, else the locale&apos;s)</source>
        <translation>窗口的语言，英文或简体中文（默认：上次在“语言”菜单中选择的语言，否则按系统区域设置）</translation>
    </message>
    <message>
        <source>print in English or Simplified Chinese (default: from the locale)</source>
        <translation>用英文或简体中文输出（默认：按系统区域设置）</translation>
    </message>
    <message>
        <source>must be from {low} to {high} ({low_percent} to {high_percent}), got {value}</source>
        <translation>必须在 {low} 到 {high} 之间（{low_percent} 到 {high_percent}），收到的是 {value}</translation>
    </message>
    <message>
        <source>argument --drop-last: with --batch-size {batch} above --samples {samples} it would drop every sample</source>
        <translation>参数 --drop-last：--batch-size {batch} 大于 --samples {samples}，会丢弃所有样本</translation>
    </message>
    <message>
        <source>argument {flag}: {problem}</source>
        <translation>参数 {flag}：{problem}</translation>
    </message>
    <message>
        <source>argument --phase: goes with --screenshot</source>
        <translation>参数 --phase：需要和 --screenshot 一起使用</translation>
    </message>
    <message>
        <source>argument --phase: not with --compare (a comparison has no slow motion)</source>
        <translation>参数 --phase：不能和 --compare 一起使用（比较模式没有慢动作）</translation>
    </message>
    <message>
        <source>argument {flag}: goes with --record</source>
        <translation>参数 {flag}：需要和 --record 一起使用</translation>
    </message>
    <message>
        <source>argument --seconds: record at most {most} s, got {value}</source>
        <translation>参数 --seconds：最多录制 {most} 秒，收到的是 {value}</translation>
    </message>
    <message>
        <source>argument --fps: must be from {low} to {high} frames a second, got {value}</source>
        <translation>参数 --fps：必须是每秒 {low} 到 {high} 帧，收到的是 {value}</translation>
    </message>
    <message>
        <source>with --record: how long, up to 600 s (default 10); the recording has seconds x fps frames, rounded, at least 1</source>
        <translation>与 --record 一起：录制多长时间，最多 600 秒（默认 10 秒）；录制的帧数为 秒数 x 每秒帧数，四舍五入，至少 1 帧</translation>
    </message>
    <message>
        <source>with --record: frames a second, 1 to 60 (default 20 for GIF, 30 for MP4)</source>
        <translation>与 --record 一起：每秒帧数，1 到 60（GIF 默认 20，MP4 默认 30）</translation>
    </message>
    <message>
        <source>See what an epoch, a batch and an iteration are while a small network trains. With no command, opens the window.</source>
        <translation>在一个小型网络训练时，看清什么是轮次 (epoch)、批次 (batch) 和迭代 (iteration)。不带命令时打开窗口。</translation>
    </message>
    <message>
        <source>argument --drop-last: with --batch-size {batch} above the {trained} training samples it would drop every sample</source>
        <translation>参数 --drop-last：--batch-size {batch} 大于 {trained} 个训练样本，会丢弃所有样本</translation>
    </message>
    <message>
        <source>argument --validation-split: {split} of {samples} samples leaves none to train on</source>
        <translation>参数 --validation-split：从 {samples} 个样本中留出 {split} 后没有样本可供训练</translation>
    </message>
    <message>
        <source>argument --chart-size: goes with --export-chart</source>
        <translation>参数 --chart-size：需要和 --export-chart 一起使用</translation>
    </message>
    <message>
        <source>show the version number and exit</source>
        <translation>显示版本号并退出</translation>
    </message>
    <message>
        <source>start training as soon as the window opens</source>
        <translation>窗口一打开就开始训练</translation>
    </message>
    <message>
        <source>open in compare mode with 2 to 4 batch sizes, e.g. 1,32,full (&apos;full&apos; is N)</source>
        <translation>以比较模式打开，比较 2 到 4 种批大小，例如 1,32,full（&apos;full&apos; 即 N）</translation>
    </message>
    <message>
        <source>train offscreen, save the window as PNG, exit</source>
        <translation>在屏幕外训练，把窗口保存为 PNG，然后退出</translation>
    </message>
    <message>
        <source>train offscreen, save the loss chart as PNG or SVG, exit</source>
        <translation>在屏幕外训练，把损失图保存为 PNG 或 SVG，然后退出</translation>
    </message>
    <message>
        <source>record the window offscreen as an animated GIF or an MP4, exit (with --play: training)</source>
        <translation>在屏幕外把窗口录制为 GIF 动画或 MP4，然后退出（加 --play：录制训练过程）</translation>
    </message>
    <message>
        <source>everything larger or smaller for a projector, 0.75 to 2.5 (Ctrl+= / Ctrl+- in the window)</source>
        <translation>为投影仪整体放大或缩小，0.75 到 2.5（窗口中用 Ctrl+= / Ctrl+-）</translation>
    </message>
    <message>
        <source>colours of the window (default: the system&apos;s light or dark preference)</source>
        <translation>窗口的配色（默认：按系统的浅色或深色偏好）</translation>
    </message>
    <message>
        <source>start the built-in tour at scene 1 (Page Down: next)</source>
        <translation>从第 1 个场景开始内置导览（Page Down：下一个）</translation>
    </message>
    <message>
        <source>start from a built-in scene (its number or name) or a scene .json file</source>
        <translation>从一个内置场景（编号或名称）或一个场景 .json 文件开始</translation>
    </message>
    <message>
        <source>iterations to train before --screenshot (default 300)</source>
        <translation>--screenshot 之前训练的迭代次数（默认 300）</translation>
    </message>
    <message>
        <source>window size, e.g. 1280x720 (default 1600x900)</source>
        <translation>窗口大小，例如 1280x720（默认 1600x900）</translation>
    </message>
    <message>
        <source>with --export-chart: the picture&apos;s size (default 1920x1080, a slide)</source>
        <translation>与 --export-chart 一起使用：图片的大小（默认 1920x1080，一张幻灯片）</translation>
    </message>
    <message>
        <source>with --screenshot: show iteration K+1 in slow motion, halfway through this phase</source>
        <translation>与 --screenshot 一起：慢动作显示第 K+1 次迭代，停在这个阶段的一半</translation>
    </message>
    <message>
        <source>show the training loop as code below the views, written with this library (View &gt; Code in the window)</source>
        <translation>在视图下方以代码显示训练循环，用这个库写成（窗口中的 视图 &gt; 代码）</translation>
    </message>
    <message>
        <source>print the epoch/batch/iteration arithmetic</source>
        <translation>打印轮次 (epoch)、批次 (batch)、迭代 (iteration) 的算术</translation>
    </message>
    <message>
        <source>drop each epoch&apos;s partial last batch</source>
        <translation>丢弃每轮最后一个不完整的批次</translation>
    </message>
    <message>
        <source>print the facts as one JSON object</source>
        <translation>以一个 JSON 对象打印这些数字</translation>
    </message>
    <message>
        <source>train headless with Keras-style progress</source>
        <translation>不开窗口训练，显示 Keras 风格的进度</translation>
    </message>
    <message>
        <source>hidden widths</source>
        <translation>隐藏层宽度</translation>
    </message>
    <message>
        <source>seed of the data, weights and shuffles</source>
        <translation>数据、权重和打乱顺序的随机种子</translation>
    </message>
    <message>
        <source>visit samples in order every epoch</source>
        <translation>每轮都按顺序访问样本</translation>
    </message>
    <message>
        <source>write the per-iteration log (loss, smoothed loss, samples seen, epoch figures) as CSV</source>
        <translation>把每次迭代的日志（损失、平滑后的损失、已见样本数、每轮结果）写成 CSV</translation>
    </message>
    <message>
        <source>print the run&apos;s figures at every epoch end (training and validation) as one JSON object at the end, and no progress lines</source>
        <translation>不显示进度行，最后把每个轮次结束时的指标（训练与验证）作为一个 JSON 对象打印出来</translation>
    </message>
    <message>
        <source>epochviz train: error: {problem}</source>
        <translation>epochviz train：错误：{problem}</translation>
    </message>
    <message>
        <source>train 2 to 4 batch sizes side by side and compare their costs</source>
        <translation>并排训练 2 到 4 种批大小并比较它们的代价</translation>
    </message>
    <message>
        <source>2 to 4 batch sizes, &apos;full&apos; for N (default 1,32,full)</source>
        <translation>2 到 4 种批大小，&apos;full&apos; 表示 N（默认 1,32,full）</translation>
    </message>
    <message>
        <source>each run&apos;s learning rate: sqrt = lr × √(B / 32), at most 1 (stable for each batch size; the default), same = lr for every run, linear = lr × B / the first run&apos;s B</source>
        <translation>每个运行的学习率：sqrt = lr × √(B / 32)，最大为 1（每种批大小都稳定；默认），same = 所有运行同一个 lr，linear = lr × B / 第一个运行的 B</translation>
    </message>
    <message>
        <source>scale the learning rate with the batch size, relative to the first run (--lr-rule linear)</source>
        <translation>学习率随批大小缩放，相对于第一个运行（即 --lr-rule linear）</translation>
    </message>
    <message>
        <source>print the runs&apos; figures as one JSON object</source>
        <translation>以一个 JSON 对象打印各个运行的数字</translation>
    </message>
    <message>
        <source>the function each hidden neuron applies</source>
        <translation>每个隐藏神经元使用的函数</translation>
    </message>
    <message>
        <source>SGD momentum (0: plain SGD, what the window teaches)</source>
        <translation>SGD 动量（0：普通 SGD，即窗口所讲的）</translation>
    </message>
    <message>
        <source>fraction of the samples held out of training and evaluated at every epoch end, 0 to 0.5 (Keras&apos;s validation_split; default 0: none)</source>
        <translation>不参与训练、在每个轮次结束时评估的样本比例，0 到 0.5（即 Keras 的 validation_split；默认 0：不留出）</translation>
    </message>
    <message>
        <source>iterations per second, or max</source>
        <translation>每秒迭代次数，或 max（最快）</translation>
    </message>
    <message>
        <source>print the training loop of a set-up as a complete PyTorch, Keras or numpy script</source>
        <translation>把一个设置的训练循环打印成完整的 PyTorch、Keras 或 numpy 脚本</translation>
    </message>
    <message>
        <source>the library the script uses (default pytorch; numpy needs nothing else)</source>
        <translation>脚本使用的库（默认 pytorch；numpy 版本不需要其他库）</translation>
    </message>
    <message>
        <source>write the script to FILE.py instead of printing it</source>
        <translation>把脚本写入 FILE.py，而不是打印出来</translation>
    </message>
    <message>
        <source>epochviz code: error: {problem}</source>
        <translation>epochviz code：错误：{problem}</translation>
    </message>
    <message>
        <source>Script written to {path}</source>
        <translation>脚本已写入 {path}</translation>
    </message>
    <message>
        <source>epochviz: error: cannot write the output: {problem}</source>
        <translation>epochviz：错误：无法写出输出：{problem}</translation>
    </message>
    <message>
        <source>must be a whole number from {low} to {high}, got {value}</source>
        <translation>必须是 {low} 到 {high} 之间的整数，收到的是 {value}</translation>
    </message>
    <message>
        <source>must be a number from {low} to {high}, got {value}</source>
        <translation>必须是 {low} 到 {high} 之间的数，收到的是 {value}</translation>
    </message>
</context>
<context>
    <name>code</name>
    <message>
        <source>The training loop of epochviz&apos;s set-up ({dataset}, {samples} samples), written with {library}.</source>
        <translation>epochviz 当前设置（{dataset}，{samples} 个样本）的训练循环，用 {library} 写成。</translation>
    </message>
    <message>
        <source>It needs Python 3 and these packages: {packages}.</source>
        <translation>运行它需要 Python 3 和这些包：{packages}。</translation>
    </message>
    <message>
        <source>Change the numbers below to try other set-ups.</source>
        <translation>修改下面的数字即可尝试其他设置。</translation>
    </message>
    <message>
        <source>The set-up: the same numbers as the window</source>
        <translation>设置：与窗口中的数字相同</translation>
    </message>
    <message>
        <source>samples (N)</source>
        <translation>样本数 (N)</translation>
    </message>
    <message>
        <source>batch size (B)</source>
        <translation>批大小 (B)</translation>
    </message>
    <message>
        <source>epochs (E)</source>
        <translation>轮次数 (E)</translation>
    </message>
    <message>
        <source>batches per weight update (K, gradient accumulation)</source>
        <translation>每次权重更新的批次数（K，梯度累积）</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>inputs, hidden layers, classes</source>
        <translation>输入、隐藏层、类别</translation>
    </message>
    <message>
        <source>seed of the data, the initial weights and the shuffles</source>
        <translation>数据、初始权重和打乱顺序的随机种子</translation>
    </message>
    <message>
        <source>share of the samples held out for validation</source>
        <translation>留作验证的样本比例</translation>
    </message>
    <message>
        <source>noise of the data</source>
        <translation>数据的噪声</translation>
    </message>
    <message>
        <source>The data: epochviz&apos;s arithmetic for &apos;{dataset}&apos;, so the same seed gives the same samples</source>
        <translation>数据：与 epochviz 生成“{dataset}”的算法相同，所以相同的种子给出相同的样本</translation>
    </message>
    <message>
        <source>Initial weights and shuffles come from {library}&apos;s generator: other numbers than the window&apos;s</source>
        <translation>初始权重和打乱顺序来自 {library} 的随机数生成器：数值与窗口中的不同</translation>
    </message>
    <message>
        <source>logits: the softmax is in the loss</source>
        <translation>logits：softmax 在损失函数里</translation>
    </message>
    <message>
        <source>softmax and cross-entropy in one, from the logits</source>
        <translation>softmax 与交叉熵合在一起，直接从 logits 计算</translation>
    </message>
    <message>
        <source>initial weights: Gaussian, scaled by {gain} / sqrt(inputs); biases zero</source>
        <translation>初始权重：高斯分布，乘以 {gain} / sqrt(输入数)；偏置为零</translation>
    </message>
    <message>
        <source>the derivative of {activation}, from its output</source>
        <translation>{activation} 的导数，由它的输出算出</translation>
    </message>
    <message>
        <source>every layer&apos;s input is kept for the backward pass</source>
        <translation>保留每一层的输入，供反向传播使用</translation>
    </message>
    <message>
        <source>softmax, then the cross-entropy of each sample</source>
        <translation>先做 softmax，再求每个样本的交叉熵</translation>
    </message>
    <message>
        <source>d loss / d logits of each sample: softmax minus one-hot</source>
        <translation>每个样本的 d loss / d logits：softmax 减去 one-hot</translation>
    </message>
    <message>
        <source>the gradients are added to grads (as PyTorch adds to .grad), so batches can be accumulated</source>
        <translation>梯度累加到 grads 中（就像 PyTorch 累加到 .grad），所以可以累积多个批次</translation>
    </message>
    <message>
        <source>the whole dataset at once, without gradients</source>
        <translation>一次处理整个数据集，不求梯度</translation>
    </message>
    <message>
        <source>seeds the initial weights and fit&apos;s shuffles</source>
        <translation>为初始权重和 fit 的打乱顺序设定种子</translation>
    </message>
    <message>
        <source>Validation: samples held out, drawn once from the seed as epochviz draws them</source>
        <translation>验证：留出的样本，按种子抽取一次，与 epochviz 的抽法相同</translation>
    </message>
    <message>
        <source>Keras&apos;s arithmetic: floor(N x (1 - split)) to train on, the rest held out</source>
        <translation>Keras 的算法：floor(N x (1 - split)) 个用于训练，其余留出</translation>
    </message>
    <message>
        <source>a stream of its own, apart from the data&apos;s and the shuffles&apos;</source>
        <translation>独立的随机流，与数据和打乱所用的不同</translation>
    </message>
    <message>
        <source>never trained on: measured at every epoch end</source>
        <translation>从不参与训练：在每个轮次结束时评估</translation>
    </message>
    <message>
        <source>from here on N counts the training samples only, as the readout does</source>
        <translation>此后 N 只计训练样本，与读数一致</translation>
    </message>
    <message>
        <source>fit&apos;s validation_split holds out the last samples: the held-out ones go last</source>
        <translation>fit 的 validation_split 留出最后的样本：把留出的样本放在最后</translation>
    </message>
    <message>
        <source>fit cannot split a tf.data pipeline: validation_data holds them</source>
        <translation>fit 无法拆分 tf.data 管道：由 validation_data 传入留出的样本</translation>
    </message>
    <message>
        <source>the training samples the counts below are made of</source>
        <translation>下面的计数所依据的训练样本</translation>
    </message>
    <message>
        <source>validation: the held-out samples, batch by batch, weights unchanged</source>
        <translation>验证：逐个批次评估留出的样本，权重不变</translation>
    </message>
    <message>
        <source>validation: the held-out samples, weights unchanged</source>
        <translation>验证：评估留出的样本，权重不变</translation>
    </message>
    <message>
        <source>fit measured the held-out samples: val_loss, val_accuracy</source>
        <translation>fit 已评估留出的样本：val_loss、val_accuracy</translation>
    </message>
    <message>
        <source>The counts the window&apos;s readout shows, printed before training</source>
        <translation>窗口读数显示的计数，在训练前打印</translation>
    </message>
    <message>
        <source>len(loader) is PyTorch&apos;s own count of the batches: ceil(N / B), or N // B with drop_last</source>
        <translation>len(loader) 是 PyTorch 自己数出的批次数：ceil(N / B)，drop_last 时为 N // B</translation>
    </message>
    <message>
        <source>steps_per_epoch: tf.data counts the batches itself (its cardinality)</source>
        <translation>steps_per_epoch：由 tf.data 自己数出批次数（它的 cardinality）</translation>
    </message>
    <message>
        <source>where each batch of an epoch starts: len(starts) is the number of batches</source>
        <translation>一轮中每个批次的起点：len(starts) 就是批次数</translation>
    </message>
    <message>
        <source>samples seen per epoch: drop_last leaves out the {dropped} after the last full batch</source>
        <translation>每轮看到的样本数：drop_last 略去最后一个完整批次之后的 {dropped} 个</translation>
    </message>
    <message>
        <source>epoch loop: one pass over the data</source>
        <translation>轮次循环：遍历一遍数据</translation>
    </message>
    <message>
        <source>batch loop: one iteration per batch</source>
        <translation>批次循环：每个批次一次迭代</translation>
    </message>
    <message>
        <source>a new order of the samples every epoch, drawn from the seed as epochviz draws it</source>
        <translation>每轮由种子抽取新的样本顺序，与 epochviz 的抽法相同</translation>
    </message>
    <message>
        <source>no shuffle: the same order every epoch</source>
        <translation>不打乱：每轮顺序相同</translation>
    </message>
    <message>
        <source>forward pass</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <source>loss: mean over the batch</source>
        <translation>损失：对批次取平均</translation>
    </message>
    <message>
        <source>each batch&apos;s share of the group&apos;s mean loss, so the step is that of one batch of K x B</source>
        <translation>每个批次在组平均损失中所占的份额，所以这一步与一个 K x B 的批次所走的一步相同</translation>
    </message>
    <message>
        <source>epoch end: loss and accuracy over the training samples, weights unchanged</source>
        <translation>轮次结束：训练样本上的损失和准确率，权重不变</translation>
    </message>
    <message>
        <source>(slicing X and y instead would leave out the same samples every epoch)</source>
        <translation>（若改为切片 X 和 y，每轮略去的都是同样的样本）</translation>
    </message>
    <message>
        <source>backward pass: gradient of the loss</source>
        <translation>反向传播：损失的梯度</translation>
    </message>
    <message>
        <source>steps_per_epoch: what fit computes for NumPy arrays, ceil(N / B), and counts in its progress</source>
        <translation>steps_per_epoch：fit 对 NumPy 数组算出的步数 ceil(N / B)，也在它的进度中计数</translation>
    </message>
    <message>
        <source>update: one step against the gradient</source>
        <translation>更新：逆着梯度走一步</translation>
    </message>
    <message>
        <source>clear the gradients for the next update</source>
        <translation>清零梯度，准备下一次更新</translation>
    </message>
    <message>
        <source>samples in this update&apos;s group (the epoch&apos;s last group may be smaller)</source>
        <translation>这次更新所在组的样本数（一轮的最后一组可能更小）</translation>
    </message>
    <message>
        <source>update after every K batches, and after the epoch&apos;s last batch</source>
        <translation>每 K 个批次之后更新一次，一轮的最后一个批次之后也更新</translation>
    </message>
    <message>
        <source>epoch end: loss and accuracy over the whole dataset, weights unchanged</source>
        <translation>轮次结束：整个数据集上的损失和准确率，权重不变</translation>
    </message>
    <message>
        <source>model.fit runs the two loops itself:</source>
        <translation>model.fit 自己运行这两层循环：</translation>
    </message>
    <message>
        <source>for each epoch (E of them):</source>
        <translation>对每个轮次（共 E 个）：</translation>
    </message>
    <message>
        <source>for each batch of B samples (steps_per_epoch of them):</source>
        <translation>对每个 B 个样本的批次（共 steps_per_epoch 个）：</translation>
    </message>
    <message>
        <source>forward pass: logits = model(xb)</source>
        <translation>前向传播：logits = model(xb)</translation>
    </message>
    <message>
        <source>loss: loss_fn(yb, logits), the mean over the batch</source>
        <translation>损失：loss_fn(yb, logits)，对批次取平均</translation>
    </message>
    <message>
        <source>update: optimizer.apply(gradients)</source>
        <translation>更新：optimizer.apply(gradients)</translation>
    </message>
    <message>
        <source>Keras 3 optimizers accumulate gradients themselves (gradient_accumulation_steps):</source>
        <translation>Keras 3 的优化器自己累积梯度（gradient_accumulation_steps）：</translation>
    </message>
    <message>
        <source>one update every K batches with the mean of their gradients, counted over the whole run,</source>
        <translation>每 K 个批次用它们梯度的平均值更新一次，按整个训练过程计数，</translation>
    </message>
    <message>
        <source>so a group can span two epochs (epochviz and PyTorch end each epoch with an update)</source>
        <translation>所以一组可能跨越两个轮次（epochviz 和 PyTorch 在每轮结束时都做一次更新）</translation>
    </message>
    <message>
        <source>Keras has no drop_last for NumPy arrays; tf.data&apos;s batch(B, drop_remainder=True) is it:</source>
        <translation>Keras 对 NumPy 数组没有 drop_last；tf.data 的 batch(B, drop_remainder=True) 就是它：</translation>
    </message>
    <message>
        <source>shuffled each epoch, it leaves out other samples each time, as DataLoader(drop_last=True) does</source>
        <translation>每轮打乱后，每次略去的样本不同，与 DataLoader(drop_last=True) 一样</translation>
    </message>
    <message>
        <source>{name} = {value} of {total}</source>
        <translation>{name} = {value}，共 {total}</translation>
    </message>
    <message>
        <source>the last batch, smaller</source>
        <translation>最后一个批次，较小</translation>
    </message>
    <message>
        <source>the last: {size}</source>
        <translation>最后一个：{size}</translation>
    </message>
    <message>
        <source>samples seen = {n}</source>
        <translation>已见样本 = {n}</translation>
    </message>
    <message>
        <source>forward passes = {n}</source>
        <translation>前向传播次数 = {n}</translation>
    </message>
    <message>
        <source>updates = {n}</source>
        <translation>更新次数 = {n}</translation>
    </message>
    <message>
        <source>Training loop in</source>
        <translation>训练循环，所用的库：</translation>
    </message>
    <message>
        <source>The library the loop is written with; File &gt; Save as Python script saves it (Ctrl+Shift+S)</source>
        <translation>编写循环所用的库；文件 &gt; 另存为 Python 脚本 可保存它（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <source>Code: the training loop</source>
        <translation>代码：训练循环</translation>
    </message>
    <message>
        <source>Save as Python script…</source>
        <translation>另存为 Python 脚本…</translation>
    </message>
    <message>
        <source>Save as Python script</source>
        <translation>另存为 Python 脚本</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>Script not saved: {problem}</source>
        <translation>脚本未保存：{problem}</translation>
    </message>
    <message>
        <source>Saved the {style} script to {path}</source>
        <translation>已将 {style} 脚本保存到 {path}</translation>
    </message>
</context>
<context>
    <name>compare</name>
    <message>
        <source>Compare mode shows at most {n} runs: remove one first.</source>
        <translation>比较模式最多显示 {n} 个运行：请先移除一个。</translation>
    </message>
    <message>
        <source>A comparison needs at least {n} runs.</source>
        <translation>比较至少需要 {n} 个运行。</translation>
    </message>
    <message>
        <source>Cannot compare these settings: {problem}</source>
        <translation>无法用这些设置进行比较：{problem}</translation>
    </message>
    <message>
        <source>learning rate {lr} × B / {b} (scaled with the batch size)</source>
        <translation>学习率 {lr} × B / {b}（随批大小缩放）</translation>
    </message>
    <message>
        <source>learning rate {lr} × √(B / {b}), at most {most} (each batch size at a rate it is stable at)</source>
        <translation>学习率 {lr} × √(B / {b})，最大为 {most}（每种批大小都用能稳定训练的学习率）</translation>
    </message>
    <message>
        <source>learning rate {lr} for every run</source>
        <translation>所有运行的学习率均为 {lr}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{runs} batch sizes, one dataset&lt;/b&gt;: {samples} {dataset} samples, {epochs}, {lr}. Every run starts from the same weights and sees the same shuffles; they take turns on one CPU core.</source>
        <translation>&lt;b&gt;{runs} 种批大小 (batch size)，同一个数据集&lt;/b&gt;：{samples} 个{dataset}样本，{epochs}，{lr}。每个运行都从相同的权重开始，看到相同的打乱顺序；它们轮流使用同一个 CPU 核心。</translation>
    </message>
    <message>
        <source>⇆ Back to one run</source>
        <translation>⇆ 回到单个运行</translation>
    </message>
    <message>
        <source>⇆ Compare batch sizes</source>
        <translation>⇆ 比较不同的批大小</translation>
    </message>
    <message>
        <source>Train 2 to 4 batch sizes side by side on the same data from the same weights, and back to one run (Ctrl+K)</source>
        <translation>用相同的数据和相同的初始权重并排训练 2 到 4 种批大小，或回到单个运行 (Ctrl+K)</translation>
    </message>
    <message>
        <source>Compare mode: the runs differ only in batch size. Space plays them all.</source>
        <translation>比较模式：各个运行只有批大小不同。按空格键同时运行全部。</translation>
    </message>
    <message>
        <source>One run again: it continues where it was paused.</source>
        <translation>回到单个运行：从暂停处继续。</translation>
    </message>
    <message>
        <source>Every run has finished. Press Play to compare again from scratch.</source>
        <translation>所有运行都已完成。按“开始”从头再比较一次。</translation>
    </message>
    <message>
        <source>Compare mode stopped by an error: {message}. Press Reset to start again.</source>
        <translation>比较模式因错误而停止：{message}。按“重置”重新开始。</translation>
    </message>
    <message>
        <source>epochs (the same data seen)</source>
        <translation>轮次 (epoch)（看过的数据量相同）</translation>
    </message>
    <message>
        <source>weight updates, log scale (the same number of steps)</source>
        <translation>权重更新次数，对数刻度（步数相同）</translation>
    </message>
    <message>
        <source>samples seen</source>
        <translation>已见样本数</translation>
    </message>
    <message>
        <source>training seconds (each run&apos;s own compute time)</source>
        <translation>训练秒数（每个运行自己的计算时间）</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失 (loss)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>The run&apos;s colour in the chart, its batch size and iterations per epoch</source>
        <translation>该运行在图中的颜色、批大小和每轮迭代次数</translation>
    </message>
    <message>
        <source>Batch size B (K × B when accumulating gradients over K batches)</source>
        <translation>批大小 B（累积 K 个批次的梯度时为 K × B）</translation>
    </message>
    <message>
        <source>Learning rate of this run (see the learning-rate rule above the chart)</source>
        <translation>本运行的学习率（规则见图表上方的学习率选项）</translation>
    </message>
    <message>
        <source>it/epoch</source>
        <translation>迭代/轮</translation>
    </message>
    <message>
        <source>Iterations (weight updates) per epoch: ceil(N / B)</source>
        <translation>每轮迭代次数（权重更新次数）：ceil(N / B)</translation>
    </message>
    <message>
        <source>updates</source>
        <translation>更新次数</translation>
    </message>
    <message>
        <source>Weight updates so far</source>
        <translation>到目前为止的权重更新次数</translation>
    </message>
    <message>
        <source>ms/it</source>
        <translation>毫秒/迭代</translation>
    </message>
    <message>
        <source>Compute milliseconds per iteration (forward, backward, update)</source>
        <translation>每次迭代的计算毫秒数（前向、反向、更新）</translation>
    </message>
    <message>
        <source>samples/s</source>
        <translation>样本/秒</translation>
    </message>
    <message>
        <source>Samples trained per second of compute: bigger batches use numpy better</source>
        <translation>每秒计算训练的样本数：较大的批次能更好地利用 numpy</translation>
    </message>
    <message>
        <source>s/epoch</source>
        <translation>秒/轮</translation>
    </message>
    <message>
        <source>Compute seconds per epoch = iterations per epoch × time per iteration</source>
        <translation>每轮计算秒数 = 每轮迭代次数 × 每次迭代时间</translation>
    </message>
    <message>
        <source>memory/it</source>
        <translation>内存/迭代</translation>
    </message>
    <message>
        <source>Memory one iteration needs (inputs, activations, gradients, weights)</source>
        <translation>一次迭代所需的内存（输入、激活值、梯度、权重）</translation>
    </message>
    <message>
        <source>Whole-dataset loss at the last epoch end</source>
        <translation>最近一个轮次结束时整个数据集的损失</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Whole-dataset accuracy at the last epoch end</source>
        <translation>最近一个轮次结束时整个数据集的准确率</translation>
    </message>
    <message>
        <source>val loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>Loss of the held-out samples (the validation split) at the last epoch end</source>
        <translation>最后一个轮次结束时留出样本（验证集）的损失</translation>
    </message>
    <message>
        <source>val accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>Accuracy of the held-out samples (the validation split) at the last epoch end</source>
        <translation>最后一个轮次结束时留出样本（验证集）的准确率</translation>
    </message>
    <message>
        <source>B={b} · {updates} it/epoch · lr {lr}</source>
        <translation>B={b} · 每轮 {updates} 次迭代 · 学习率 {lr}</translation>
    </message>
    <message>
        <source>{run} diverged: its loss became infinite. Its learning rate {lr} is too large for this batch size.</source>
        <translation>{run} 发散了：损失变为无穷大。学习率 {lr} 对这个批大小来说太大。</translation>
    </message>
    <message>
        <source>{run} is worse than it began: whole-dataset loss {loss} after epoch {epoch}, {start} before training. Its learning rate {lr} is probably too large for this batch size.</source>
        <translation>{run} 比开始时更差：第 {epoch} 轮后全数据集损失为 {loss}，训练前为 {start}。学习率 {lr} 对这个批大小来说可能太大。</translation>
    </message>
    <message>
        <source>x: epochs</source>
        <translation>x：轮次</translation>
    </message>
    <message>
        <source>x: weight updates</source>
        <translation>x：权重更新</translation>
    </message>
    <message>
        <source>x: samples seen</source>
        <translation>x：已见样本</translation>
    </message>
    <message>
        <source>x: training seconds</source>
        <translation>x：训练秒数</translation>
    </message>
    <message>
        <source>Learning rate per run: lr × √(B / 32), at most 1 (stable for each batch size)</source>
        <translation>每个运行的学习率：lr × √(B / 32)，最大为 1（每种批大小都稳定）</translation>
    </message>
    <message>
        <source>Learning rate per run: the same lr for every run</source>
        <translation>每个运行的学习率：所有运行使用同一个 lr</translation>
    </message>
    <message>
        <source>Learning rate per run: lr × B / the first run&apos;s B (linear scaling rule)</source>
        <translation>每个运行的学习率：lr × B / 第一个运行的 B（线性缩放规则）</translation>
    </message>
    <message>
        <source>Show or hide this run&apos;s curves (its row stays in the table)</source>
        <translation>显示或隐藏此运行的曲线（表格中的行保留）</translation>
    </message>
    <message>
        <source>Remove this run</source>
        <translation>移除此运行</translation>
    </message>
    <message>
        <source>Batch size of a new run</source>
        <translation>新运行的批大小</translation>
    </message>
    <message>
        <source>+ Add run</source>
        <translation>+ 添加运行</translation>
    </message>
    <message>
        <source>Add a run with this batch size ({low} to {high} runs)</source>
        <translation>用这个批大小添加一个运行（{low} 到 {high} 个运行）</translation>
    </message>
    <message>
        <source>How each run&apos;s learning rate follows from the one set in the panel: a batch of 1 needs a smaller step than a batch of N</source>
        <translation>每个运行的学习率如何由面板中设置的学习率得出：批大小为 1 时需要比批大小为 N 时更小的步长</translation>
    </message>
    <message>
        <source>New run: B =</source>
        <translation>新运行：B =</translation>
    </message>
</context>
<context>
    <name>compare_cli</name>
    <message>
        <source>{done}/{total} updates</source>
        <translation>{done}/{total} 次更新</translation>
    </message>
    <message>
        <source>loss: {loss}</source>
        <translation>损失: {loss}</translation>
    </message>
    <message>
        <source>{seconds} s/epoch</source>
        <translation>{seconds} 秒/轮</translation>
    </message>
    <message>
        <source>Interrupted during the run of B = {b}.</source>
        <translation>在 B = {b} 的运行中被中断。</translation>
    </message>
</context>
<context>
    <name>controls</name>
    <message>
        <source>The data the network learns to classify: 2-D point clouds, or 8x8 images of digits.</source>
        <translation>网络要学会分类的数据：二维点云，或 8x8 的数字图像。</translation>
    </message>
    <message>
        <source>N, the dataset size: how many samples one epoch goes through once.</source>
        <translation>N，数据集大小：一个轮次 (epoch) 把多少个样本各过一遍。</translation>
    </message>
    <message>
        <source>B, the batch size: how many samples go through the network together in one iteration.</source>
        <translation>B，批大小 (batch size)：一次迭代 (iteration) 中一起通过网络的样本数。</translation>
    </message>
    <message>
        <source>Gradient accumulation: K forward and backward passes of B samples, then one weight update with their mean gradient (an effective batch of K x B that needs the memory of B). 1 = off.</source>
        <translation>梯度累积：对 B 个样本做 K 次前向和反向传播，然后用它们的平均梯度做一次权重更新（有效批大小为 K x B，而内存只需 B 的份量）。1 = 关闭。</translation>
    </message>
    <message>
        <source>How many times the training goes through every sample of the dataset.</source>
        <translation>训练把数据集中的每个样本过几遍。</translation>
    </message>
    <message>
        <source>Visit the samples in a new random order every epoch.</source>
        <translation>每个轮次都以新的随机顺序访问样本。</translation>
    </message>
    <message>
        <source>Skip each epoch&apos;s last batch when it is smaller than B (floor instead of ceil).</source>
        <translation>当每轮最后一个批次小于 B 时跳过它（用 floor 代替 ceil）。</translation>
    </message>
    <message>
        <source>The learning rate: how far each weight update moves the weights along the gradient.</source>
        <translation>学习率：每次权重更新沿梯度方向移动权重的距离。</translation>
    </message>
    <message>
        <source>How many hidden layers the network has between its input and its output.</source>
        <translation>网络在输入和输出之间有多少个隐藏层。</translation>
    </message>
    <message>
        <source>How many neurons each hidden layer has.</source>
        <translation>每个隐藏层有多少个神经元。</translation>
    </message>
    <message>
        <source>The function each hidden neuron applies to its input (tanh, ReLU or sigmoid).</source>
        <translation>每个隐藏神经元对其输入使用的函数（tanh、ReLU 或 sigmoid）。</translation>
    </message>
    <message>
        <source>Iterations per second; at 4 or fewer every phase of an iteration is animated.</source>
        <translation>每秒迭代次数；不超过 4 时，一次迭代的每个阶段都以动画显示。</translation>
    </message>
    <message>
        <source>The share of the samples held out of training (Keras&apos;s validation_split): never trained on, their loss is measured at every epoch end. 0 = none.</source>
        <translation>不参与训练的样本所占比例（Keras 的 validation_split）：它们从不参与训练，在每个轮次结束时测量其损失。0 = 不留出。</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最快</translation>
    </message>
    <message>
        <source>{speed} it/s</source>
        <translation>{speed} 次/秒</translation>
    </message>
    <message>
        <source>The window takes at most {n} samples; {typed} became {n}. (epochviz schedule takes any N.)</source>
        <translation>窗口最多接受 {n} 个样本；{typed} 已改为 {n}。（epochviz schedule 接受任意 N。）</translation>
    </message>
    <message>
        <source>Batch size {typed} is more than N = {n}: one full batch of all {n} samples.</source>
        <translation>批大小 {typed} 大于 N = {n}：改为包含全部 {n} 个样本的一个完整批次。</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 开始</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>训练安排</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Samples N</source>
        <translation>样本数 N</translation>
    </message>
    <message>
        <source>Batch size B</source>
        <translation>批大小 (batch size) B</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Accumulate K</source>
        <translation>梯度累积 K</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮次 (epoch)</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Validation split</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Dataset size N</source>
        <translation>数据集大小 N</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层数</translation>
    </message>
    <message>
        <source>Neurons per hidden layer</source>
        <translation>每个隐藏层的神经元数</translation>
    </message>
    <message>
        <source> batches</source>
        <translation> 个批次</translation>
    </message>
    <message>
        <source>1 (off)</source>
        <translation>1（关闭）</translation>
    </message>
    <message>
        <source> layers</source>
        <translation> 层</translation>
    </message>
    <message>
        <source> wide</source>
        <translation> 个神经元</translation>
    </message>
    <message>
        <source>Shuffle every epoch</source>
        <translation>每轮重新打乱</translation>
    </message>
    <message>
        <source>Drop last partial batch</source>
        <translation>丢弃最后一个不完整的批次</translation>
    </message>
    <message>
        <source>Play or pause training (Space)</source>
        <translation>开始或暂停训练（空格键）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Step one phase of the iteration: batch in, forward, loss, backward, update (→).
Shift+Step runs one whole iteration (Shift+→).</source>
        <translation>前进迭代的一个阶段：批次输入、前向、损失、反向、更新 (→)。
Shift+单步 运行一次完整的迭代 (Shift+→)。</translation>
    </message>
    <message>
        <source>Step epoch</source>
        <translation>跑完本轮</translation>
    </message>
    <message>
        <source>Run to the end of the current epoch</source>
        <translation>运行到当前轮次结束</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>A new run from iteration 0 with fresh weights (R)</source>
        <translation>用新的权重从第 0 次迭代重新开始 (R)</translation>
    </message>
</context>
<context>
    <name>dataset</name>
    <message>
        <source>+ {n} more</source>
        <translation>+ 另外 {n} 个</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>本批次</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>已见</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>未见</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>被丢弃</translation>
    </message>
    <message>
        <source>held out</source>
        <translation>留出</translation>
    </message>
    <message>
        <source>this batch</source>
        <translation>本批次</translation>
    </message>
    <message>
        <source>seen this epoch</source>
        <translation>本轮已见</translation>
    </message>
    <message>
        <source>not yet seen</source>
        <translation>本轮未见</translation>
    </message>
    <message>
        <source>left out (drop last)</source>
        <translation>被丢弃（drop last）</translation>
    </message>
    <message>
        <source>held out for validation</source>
        <translation>留作验证</translation>
    </message>
    <message>
        <source>&lt;b&gt;Data&lt;/b&gt;: {samples}, epoch {epoch}</source>
        <translation>&lt;b&gt;数据&lt;/b&gt;：{samples}，第 {epoch} 轮</translation>
    </message>
    <message>
        <source>{key}: {count}</source>
        <translation>{key}：{count}</translation>
    </message>
</context>
<context>
    <name>datasets</name>
    <message>
        <source>spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>three interleaved spiral arms</source>
        <translation>三条交错的螺旋臂</translation>
    </message>
    <message>
        <source>circles</source>
        <translation>同心圆</translation>
    </message>
    <message>
        <source>a ring around a disc</source>
        <translation>一个圆盘外围着一个圆环</translation>
    </message>
    <message>
        <source>xor</source>
        <translation>异或</translation>
    </message>
    <message>
        <source>four quadrants, opposite ones alike</source>
        <translation>四个象限，相对的象限同类</translation>
    </message>
    <message>
        <source>blobs</source>
        <translation>团簇</translation>
    </message>
    <message>
        <source>four Gaussian clusters</source>
        <translation>四个高斯簇</translation>
    </message>
    <message>
        <source>digits</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>8x8 images of handwritten-style digits</source>
        <translation>8x8 的手写风格数字图像</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>cannot record to {path}: a recording of a {size} window needs about {need} of memory, more than the {budget} that can be used of the {available} available; record a smaller window</source>
        <translation>无法录制到 {path}：录制 {size} 的窗口大约需要 {need} 内存，超过了可用的 {available} 中能使用的 {budget}；请录制一个更小的窗口</translation>
    </message>
    <message>
        <source>cannot record to {path}: the name must end in .gif or .mp4</source>
        <translation>无法录制到 {path}：文件名必须以 .gif 或 .mp4 结尾</translation>
    </message>
    <message>
        <source>cannot record to {path}: the folder {folder} does not exist</source>
        <translation>无法录制到 {path}：文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>cannot record to {path}: {reason}</source>
        <translation>无法录制到 {path}：{reason}</translation>
    </message>
    <message>
        <source>cannot record to {path}: cancelled</source>
        <translation>无法录制到 {path}：已取消</translation>
    </message>
    <message>
        <source>no frame was recorded</source>
        <translation>没有录制到任何帧</translation>
    </message>
    <message>
        <source>cannot write {path}: it is not a regular file</source>
        <translation>无法写入 {path}：它不是普通文件</translation>
    </message>
    <message>
        <source>cannot write {path}: the folder {folder} does not exist</source>
        <translation>无法写入 {path}：文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <source>a batch size of at most {most} would fit (or accumulate gradients over smaller batches)</source>
        <translation>批大小不超过 {most} 才放得下（或用较小的批次累积梯度）</translation>
    </message>
    <message>
        <source>even a batch of 1 would not: use fewer samples or a smaller network</source>
        <translation>即使批大小为 1 也放不下：请减少样本数或使用更小的网络</translation>
    </message>
    <message>
        <source>this run needs about {need} at its peak, more than the {budget} that can be used of the {available} available; {advice}</source>
        <translation>这次运行在峰值时大约需要 {need}，超过了可用的 {available} 中能使用的 {budget}；{advice}</translation>
    </message>
    <message>
        <source>{key} must be a whole number, got {value}</source>
        <translation>{key} 必须是整数，收到的是 {value}</translation>
    </message>
    <message>
        <source>{key} must be from {low} to {high}, got {value}</source>
        <translation>{key} 必须在 {low} 到 {high} 之间，收到的是 {value}</translation>
    </message>
    <message>
        <source>{key} must be true or false, got {value}</source>
        <translation>{key} 必须是 true 或 false，收到的是 {value}</translation>
    </message>
    <message>
        <source>{key} must be a text of at most {n} characters</source>
        <translation>{key} 必须是不超过 {n} 个字符的文本</translation>
    </message>
    <message>
        <source>{key} has a character that cannot be written to a file (a lone surrogate)</source>
        <translation>{key} 含有无法写入文件的字符（孤立的代理项）</translation>
    </message>
    <message>
        <source>a scene must be a JSON object ({braces})</source>
        <translation>场景必须是一个 JSON 对象（{braces}）</translation>
    </message>
    <message>
        <source>the scene is nested too deeply</source>
        <translation>场景嵌套得太深</translation>
    </message>
    <message>
        <source>unknown key {key} (a scene has: {keys})</source>
        <translation>未知的键 {key}（场景包含：{keys}）</translation>
    </message>
    <message>
        <source>missing key {key}</source>
        <translation>缺少键 {key}</translation>
    </message>
    <message>
        <source>{key} must be one of {choices}, got {value}</source>
        <translation>{key} 必须是 {choices} 之一，收到的是 {value}</translation>
    </message>
    <message>
        <source>validation_split {split} of samples {samples} leaves no sample to train on</source>
        <translation>validation_split {split} 使 samples {samples} 中没有样本可供训练</translation>
    </message>
    <message>
        <source>drop_last with batch_size {batch} above the {trained} training samples would drop every sample</source>
        <translation>drop_last 且 batch_size {batch} 大于 {trained} 个训练样本，会丢弃所有样本</translation>
    </message>
    <message>
        <source>drop_last with batch_size {batch} above samples {samples} would drop every sample</source>
        <translation>batch_size {batch} 大于 samples {samples} 时使用 drop_last 会丢弃所有样本</translation>
    </message>
    <message>
        <source>a scene file is at most {kb} kB; this one is {size} bytes</source>
        <translation>场景文件最大 {kb} kB；这个文件有 {size} 字节</translation>
    </message>
    <message>
        <source>not a JSON scene: {problem}</source>
        <translation>不是 JSON 场景：{problem}</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>a scene file is at most {kb} kB</source>
        <translation>场景文件最大 {kb} kB</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>lr_rule is for a comparison: give compare too</source>
        <translation>lr_rule 用于比较：请同时给出 compare</translation>
    </message>
    <message>
        <source>{key} must be a list of {low} to {high} batch sizes (whole numbers from 1, or &quot;{full}&quot;), got {value}</source>
        <translation>{key} 必须是 {low} 到 {high} 个批大小的列表（从 1 起的整数，或 &quot;{full}&quot;），收到的是 {value}</translation>
    </message>
    <message>
        <source>pause_at is for one run: a comparison plays to its end (leave out pause_at or compare)</source>
        <translation>pause_at 用于单次训练：比较会一直播放到结束（请去掉 pause_at 或 compare）</translation>
    </message>
    <message>
        <source>{key} must be &quot;{epoch_end}&quot; or an iteration from 1 to {total} (the last of the run), got {value}</source>
        <translation>{key} 必须是 &quot;{epoch_end}&quot; 或从 1 到 {total}（本次训练的最后一次）的迭代，收到的是 {value}</translation>
    </message>
    <message>
        <source>{file}: {problem}</source>
        <translation>{file}：{problem}</translation>
    </message>
    <message>
        <source>no built-in scene called {name}, and not a .json file</source>
        <translation>没有名为 {name} 的内置场景，它也不是 .json 文件</translation>
    </message>
    <message>
        <source>it is still running</source>
        <translation>它仍在运行</translation>
    </message>
    <message>
        <source>it was killed by {signal}</source>
        <translation>它被 {signal} 终止</translation>
    </message>
    <message>
        <source>it was killed by signal {number}</source>
        <translation>它被信号 {number} 终止</translation>
    </message>
    <message>
        <source>it exited with code {code}</source>
        <translation>它以代码 {code} 退出</translation>
    </message>
    <message>
        <source>the training process (pid {pid}) has not answered for {seconds} seconds: it may have been stopped or the machine is overloaded</source>
        <translation>训练进程（pid {pid}）已经 {seconds} 秒没有响应：它可能被暂停了，或者机器负载过高</translation>
    </message>
    <message>
        <source>the training process could not start ({how}){reason}</source>
        <translation>训练进程无法启动（{how}）{reason}</translation>
    </message>
    <message>
        <source>the training process stopped unexpectedly ({how}){reason}</source>
        <translation>训练进程意外停止（{how}）{reason}</translation>
    </message>
    <message>
        <source>{key} must be a number, got {value}</source>
        <translation>{key} 必须是一个数，收到的是 {value}</translation>
    </message>
    <message>
        <source>{key} must be up to {n} widths from 1 to {high}, got {value}</source>
        <translation>{key} 最多 {n} 个宽度，每个从 1 到 {high}，收到的是 {value}</translation>
    </message>
    <message>
        <source>{key} must be up to {n} equal widths from 1 to {high}, got {value}</source>
        <translation>{key} 最多 {n} 个相同的宽度，从 1 到 {high}，收到的是 {value}</translation>
    </message>
    <message>
        <source>{key} must be &quot;max&quot; or a number from {low} to {high}, got {value}</source>
        <translation>{key} 必须是 &quot;max&quot; 或 {low} 到 {high} 之间的数，收到的是 {value}</translation>
    </message>
    <message>
        <source>unknown setting {key} (the settings: {keys})</source>
        <translation>未知的设置 {key}（可用的设置：{keys}）</translation>
    </message>
    <message>
        <source>cannot write {path}: the picture could not be made as {kind}</source>
        <translation>无法写入 {path}：无法生成 {kind} 图片</translation>
    </message>
</context>
<context>
    <name>exports</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Animated GIF (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Recording not saved: {problem}</source>
        <translation>录制未保存：{problem}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Export chart as PNG, a 1920x1080 slide…</source>
        <translation>将图表导出为 PNG，一张 1920x1080 的幻灯片…</translation>
    </message>
    <message>
        <source>Export chart as PNG, 1920 wide at the window&apos;s aspect…</source>
        <translation>将图表导出为 PNG，宽 1920，与窗口的宽高比相同…</translation>
    </message>
    <message>
        <source>Export chart as SVG, a 1920x1080 slide…</source>
        <translation>将图表导出为 SVG，一张 1920x1080 的幻灯片…</translation>
    </message>
    <message>
        <source>Export window as PNG…</source>
        <translation>将窗口导出为 PNG…</translation>
    </message>
    <message>
        <source>Export log as CSV…</source>
        <translation>将日志导出为 CSV…</translation>
    </message>
    <message>
        <source>Record window as GIF…</source>
        <translation>将窗口录制为 GIF…</translation>
    </message>
    <message>
        <source>Record window as MP4…</source>
        <translation>将窗口录制为 MP4…</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>停止录制</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The log is of one run: compare mode&apos;s runs are in its table. Leave compare mode (Ctrl+K) to export the log.</source>
        <translation>日志只记录一次运行：对比模式各次运行的数据在它的表格里。要导出日志，请先退出对比模式（Ctrl+K）。</translation>
    </message>
    <message>
        <source>A recording is already under way: stop it first (Ctrl+Shift+X).</source>
        <translation>已经在录制中：请先停止 (Ctrl+Shift+X)。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>录制</translation>
    </message>
    <message>
        <source>Seconds to record:</source>
        <translation>录制秒数：</translation>
    </message>
    <message>
        <source>Recording not started: {problem}</source>
        <translation>录制未开始：{problem}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export failed: {problem}</source>
        <translation>导出失败：{problem}</translation>
    </message>
    <message>
        <source>Writing the log of {iterations} to {path}…</source>
        <translation>正在把 {iterations}的日志写入 {path}…</translation>
    </message>
</context>
<context>
    <name>glossary</name>
    <message>
        <source>&lt;b&gt;Batch&lt;/b&gt;: 1 sample goes through the network alone.</source>
        <translation>&lt;b&gt;批次 (batch)&lt;/b&gt;：1 个样本单独通过网络。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Batch&lt;/b&gt;: {samples} go through the network together.</source>
        <translation>&lt;b&gt;批次 (batch)&lt;/b&gt;：{samples}一起通过网络。</translation>
    </message>
    <message>
        <source>The batch is the whole dataset: one smooth step per epoch.</source>
        <translation>这个批次就是整个数据集：每轮只走平滑的一步。</translation>
    </message>
    <message>
        <source>The last {n} are dropped each epoch.</source>
        <translation>每轮最后 {n} 个样本被丢弃。</translation>
    </message>
    <message>
        <source>The last batch has only {n}.</source>
        <translation>最后一个批次只有 {n} 个样本。</translation>
    </message>
    <message>
        <source>The three words</source>
        <translation>三个术语</translation>
    </message>
    <message>
        <source>&lt;b&gt;Iteration&lt;/b&gt;: one batch → forward pass → loss → backward pass → one weight update.</source>
        <translation>&lt;b&gt;迭代 (iteration)&lt;/b&gt;：一个批次 → 前向传播 → 损失 → 反向传播 → 一次权重更新。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Epoch&lt;/b&gt;: all {samples} seen once = {iterations}, in a new order.</source>
        <translation>&lt;b&gt;轮次 (epoch)&lt;/b&gt;：全部 {samples}各看一遍 = {iterations}，每轮顺序不同。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Epoch&lt;/b&gt;: all {samples} seen once = {iterations}.</source>
        <translation>&lt;b&gt;轮次 (epoch)&lt;/b&gt;：全部 {samples}各看一遍 = {iterations}。</translation>
    </message>
    <message>
        <source>The {n} held out for validation are in no batch.</source>
        <translation>留作验证的 {n} 个样本不进入任何批次。</translation>
    </message>
</context>
<context>
    <name>language</name>
    <message>
        <source>Language: English</source>
        <translation>语言：中文</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言 Language(&amp;L)</translation>
    </message>
</context>
<context>
    <name>memory</name>
    <message>
        <source>this network</source>
        <translation>这个网络</translation>
    </message>
    <message>
        <source>small CNN (32×32×3)</source>
        <translation>小型 CNN (32×32×3)</translation>
    </message>
    <message>
        <source>This network: {size} per iteration</source>
        <translation>这个网络：每次迭代 {size}</translation>
    </message>
    <message>
        <source>B = {batch}: {need} of {budget}</source>
        <translation>B = {batch}：{need} / {budget}</translation>
    </message>
    <message>
        <source>Fits: the largest batch that fits is {most}.</source>
        <translation>放得下：能放下的最大批大小是 {most}。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Too big&lt;/b&gt;: the largest batch that fits is {most}.</source>
        <translation>&lt;b&gt;太大&lt;/b&gt;：能放下的最大批大小是 {most}。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Too big&lt;/b&gt;: not even one sample fits.</source>
        <translation>&lt;b&gt;太大&lt;/b&gt;：连一个样本都放不下。</translation>
    </message>
    <message>
        <source>All {n} samples in one batch: {size}, fits.</source>
        <translation>全部 {n} 个样本放进一个批次：{size}，放得下。</translation>
    </message>
    <message>
        <source>All {n} samples in one batch: {size}, &lt;b&gt;can never fit&lt;/b&gt;.</source>
        <translation>全部 {n} 个样本放进一个批次：{size}，&lt;b&gt;永远放不下&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>B = {batch} does not fit; {pieces} x {size} does (accumulate gradients).</source>
        <translation>B = {batch} 放不下；{pieces} x {size} 可以（梯度累积）。</translation>
    </message>
    <message>
        <source>Accumulating {k} batches: the effective batch is {k} x {batch}, but memory counts one batch of {batch}.</source>
        <translation>累积 {k} 个批次：有效批大小是 {k} x {batch}，但内存只按一个 {batch} 的批次计算。</translation>
    </message>
    <message>
        <source>{network}, one iteration at B = {batch}:
inputs {inputs}
activations kept for backprop {activations}
their gradients {gradients}
weights {weights} and their gradients {weight_gradients}</source>
        <translation>{network}，B = {batch} 时的一次迭代：
输入 {inputs}
为反向传播保存的激活值 {activations}
激活值的梯度 {gradients}
权重 {weights}，权重的梯度 {weight_gradients}</translation>
    </message>
</context>
<context>
    <name>network</name>
    <message>
        <source>forward →</source>
        <translation>前向 →</translation>
    </message>
    <message>
        <source>← backward</source>
        <translation>← 反向</translation>
    </message>
    <message>
        <source>forward → {index}/{total}</source>
        <translation>前向 → {index}/{total}</translation>
    </message>
    <message>
        <source>← backward {index}/{total}: ∑ gradient</source>
        <translation>← 反向 {index}/{total}：∑ 梯度</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>in</source>
        <translation>入</translation>
    </message>
    <message>
        <source>h</source>
        <translation>隐</translation>
    </message>
    <message>
        <source>out</source>
        <translation>出</translation>
    </message>
    <message>
        <source> (first {n})</source>
        <translation>（前 {n} 个）</translation>
    </message>
    <message>
        <source>|∂L/∂W| by layer: </source>
        <translation>各层 |∂L/∂W|：</translation>
    </message>
    <message>
        <source>loss {loss}</source>
        <translation>损失 {loss}</translation>
    </message>
    <message>
        <source>W ← W − lr · mean of the {n} passes&apos; ∂L/∂W</source>
        <translation>W ← W − lr · {n} 次传播的 ∂L/∂W 平均值</translation>
    </message>
</context>
<context>
    <name>overview</name>
    <message>
        <source>play or pause</source>
        <translation>开始或暂停</translation>
    </message>
    <message>
        <source>step one phase of the iteration</source>
        <translation>前进迭代的一个阶段</translation>
    </message>
    <message>
        <source>step one whole iteration</source>
        <translation>前进一次完整的迭代</translation>
    </message>
    <message>
        <source>reset: a new run from iteration 0</source>
        <translation>重置：从第 0 次迭代重新开始</translation>
    </message>
    <message>
        <source>next / previous scene</source>
        <translation>下一个 / 上一个场景</translation>
    </message>
    <message>
        <source>first scene</source>
        <translation>第一个场景</translation>
    </message>
    <message>
        <source>go to that scene</source>
        <translation>转到该场景</translation>
    </message>
    <message>
        <source>B or .</source>
        <translation>B 或 .</translation>
    </message>
    <message>
        <source>black screen for views and chart, and back</source>
        <translation>视图和图表黑屏，再按一次恢复</translation>
    </message>
    <message>
        <source>larger / smaller / actual size</source>
        <translation>放大 / 缩小 / 实际大小</translation>
    </message>
    <message>
        <source>full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>export the chart as PNG, SVG</source>
        <translation>将图表导出为 PNG、SVG</translation>
    </message>
    <message>
        <source>export the log as CSV</source>
        <translation>将日志导出为 CSV</translation>
    </message>
    <message>
        <source>record the window as GIF, MP4</source>
        <translation>将窗口录制为 GIF、MP4</translation>
    </message>
    <message>
        <source>open, save a scene</source>
        <translation>打开、保存场景</translation>
    </message>
    <message>
        <source>compare batch sizes, and back to one run</source>
        <translation>比较不同的批大小，再按一次回到单个运行</translation>
    </message>
    <message>
        <source>show or hide the training loop as code</source>
        <translation>显示或隐藏训练循环的代码</translation>
    </message>
    <message>
        <source>save the training loop as a Python script</source>
        <translation>把训练循环另存为 Python 脚本</translation>
    </message>
    <message>
        <source>this overview (Esc closes it)</source>
        <translation>本概览（Esc 关闭）</translation>
    </message>
    <message>
        <source>quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation>迭代 (iteration)</translation>
    </message>
    <message>
        <source>one batch through the network: forward pass, loss, backward pass, one weight update.</source>
        <translation>一个批次通过网络：前向传播、损失、反向传播、一次权重更新。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小 (batch size)</translation>
    </message>
    <message>
        <source>how many samples go through the network together in one iteration.</source>
        <translation>一次迭代中一起通过网络的样本数。</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次 (epoch)</translation>
    </message>
    <message>
        <source>every sample seen once: ceil(N / B) iterations (floor with drop-last).</source>
        <translation>每个样本都看过一遍：ceil(N / B) 次迭代（drop-last 时为 floor）。</translation>
    </message>
    <message>
        <source>The three words</source>
        <translation>三个术语</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>epochviz: keys and the three words</source>
        <translation>epochviz：快捷键和三个术语</translation>
    </message>
    <message>
        <source>presentation view: the lesson alone, full screen</source>
        <translation>演示视图：全屏只显示课程内容</translation>
    </message>
    <message>
        <source>leave the presentation view</source>
        <translation>退出演示视图</translation>
    </message>
    <message>
        <source>show or hide the settings panel</source>
        <translation>显示或隐藏设置面板</translation>
    </message>
</context>
<context>
    <name>phases</name>
    <message>
        <source>learning rate × </source>
        <translation>学习率 × </translation>
    </message>
    <message>
        <source>update: every weight moves by −{step}the mean gradient of the {passes} passes ({samples}); the only update of this iteration</source>
        <translation>更新：每个权重移动 −{step}{passes} 次传播（{samples}）的平均梯度；这是本次迭代唯一的一次更新</translation>
    </message>
    <message>
        <source>pass {index} of {passes}, {samples}</source>
        <translation>第 {index}/{passes} 次传播，{samples}</translation>
    </message>
    <message>
        <source>forward {pass_}</source>
        <translation>前向传播，{pass_}</translation>
    </message>
    <message>
        <source>loss of {pass_}</source>
        <translation>损失，{pass_}</translation>
    </message>
    <message>
        <source>loss of {pass_} (mean so far {loss})</source>
        <translation>损失，{pass_}（目前的平均值 {loss}）</translation>
    </message>
    <message>
        <source>backward {pass_}: its gradient is added to the sum; no update yet</source>
        <translation>反向传播，{pass_}：梯度加到总和上；还没有更新</translation>
    </message>
    <message>
        <source>a batch of {samples} enters the network</source>
        <translation>一个 {samples}的批次进入网络</translation>
    </message>
    <message>
        <source> in {passes} passes of up to {size}</source>
        <translation>，分 {passes} 次传播，每次最多 {size} 个</translation>
    </message>
    <message>
        <source> (the partial last batch of the epoch)</source>
        <translation>（本轮最后一个不完整的批次）</translation>
    </message>
    <message>
        <source>forward pass of {samples}</source>
        <translation>{samples}的前向传播</translation>
    </message>
    <message>
        <source>the loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>loss = {loss}, the mean over {samples}</source>
        <translation>损失 = {loss}，{samples}的平均值</translation>
    </message>
    <message>
        <source>backward pass: the gradient of the loss for every weight, from the output back</source>
        <translation>反向传播：从输出往回，求损失对每个权重的梯度</translation>
    </message>
    <message>
        <source>update: every weight moves by −{step}its gradient (one update per iteration)</source>
        <translation>更新：每个权重移动 −{step}它的梯度（每次迭代更新一次）</translation>
    </message>
    <message>
        <source>Ready: each iteration takes one batch of {samples} through a forward pass, the loss, a backward pass and one weight update. Press Play or Step.</source>
        <translation>准备就绪：每次迭代 (iteration) 让一个 {samples}的批次 (batch) 经过前向传播、损失、反向传播和一次权重更新。按“开始”或“单步”。</translation>
    </message>
    <message>
        <source>Iteration {iteration} of {per_epoch} (epoch {epoch} of {epochs})</source>
        <translation>第 {iteration}/{per_epoch} 次迭代（第 {epoch}/{epochs} 轮）</translation>
    </message>
    <message>
        <source>{where} done: forward, loss, backward and update of {samples}</source>
        <translation>{where}完成：{samples}的前向、损失、反向和更新</translation>
    </message>
    <message>
        <source>{where}: training as fast as it can, batch after batch</source>
        <translation>{where}：以最快速度一批接一批地训练</translation>
    </message>
    <message>
        <source>{where}: training at {speed} iterations per second, batch after batch</source>
        <translation>{where}：以每秒 {speed} 次迭代的速度一批接一批地训练</translation>
    </message>
    <message>
        <source>{where}: {text}</source>
        <translation>{where}：{text}</translation>
    </message>
</context>
<context>
    <name>presentation</name>
    <message>
        <source>Presentation view</source>
        <translation>演示视图</translation>
    </message>
    <message>
        <source>Settings panel</source>
        <translation>设置面板</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <source>Epoch {epoch} / {epochs}</source>
        <translation>轮次 (epoch) {epoch} / {epochs}</translation>
    </message>
    <message>
        <source>Iteration {iteration} / {per_epoch}</source>
        <translation>迭代 (iteration) {iteration} / {per_epoch}</translation>
    </message>
    <message>
        <source>Global iteration &lt;b&gt;{iteration}&lt;/b&gt; / {total}</source>
        <translation>总迭代 &lt;b&gt;{iteration}&lt;/b&gt; / {total}</translation>
    </message>
    <message>
        <source>Samples seen &lt;b&gt;{seen}&lt;/b&gt; / {total}</source>
        <translation>已见样本 &lt;b&gt;{seen}&lt;/b&gt; / {total}</translation>
    </message>
</context>
<context>
    <name>projector</name>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>实际大小</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Shortcuts and the three words</source>
        <translation>快捷键和三个术语</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认设置</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Scale {percent}</source>
        <translation>缩放 {percent}</translation>
    </message>
    <message>
        <source>Defaults restored; nothing is remembered any more.</source>
        <translation>已恢复默认设置；不再记住任何设置。</translation>
    </message>
</context>
<context>
    <name>readout</name>
    <message>
        <source>training samples N_train = {held_out} | {rest}</source>
        <translation>训练样本 N_train = {held_out} | {rest}</translation>
    </message>
    <message>
        <source>last batch: {size}</source>
        <translation>最后一个批次：{size}</translation>
    </message>
    <message>
        <source> ({dropped} dropped)</source>
        <translation>（丢弃 {dropped} 个）</translation>
    </message>
    <message>
        <source>iterations per epoch = {passes} | {last} | total = {total}</source>
        <translation>每轮迭代次数 = {passes} | {last} | 总计 = {total}</translation>
    </message>
    <message>
        <source>forward passes per epoch = {passes} | updates per epoch = {updates} | effective batch = {effective} | {last} | total = {total}</source>
        <translation>每轮前向传播次数 = {passes} | 每轮更新次数 = {updates} | 有效批大小 = {effective} | {last} | 总计 = {total}</translation>
    </message>
</context>
<context>
    <name>recording</name>
    <message>
        <source>recording cancelled</source>
        <translation>录制已取消</translation>
    </message>
    <message>
        <source>● Recording {seconds} / {total} s</source>
        <translation>● 录制中 {seconds} / {total} 秒</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Encoding…</source>
        <translation>编码中…</translation>
    </message>
</context>
<context>
    <name>remembered</name>
    <message>
        <source>the settings cannot be kept in {path} ({reason}); nothing will be remembered</source>
        <translation>设置无法保存在 {path}（{reason}）；不会记住任何设置</translation>
    </message>
    <message>
        <source>the remembered settings could not be read; starting from the defaults</source>
        <translation>无法读取记住的设置；从默认设置开始</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>set-up</source>
        <translation>训练设置</translation>
    </message>
    <message>
        <source>tour position</source>
        <translation>导览位置</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>the remembered {parts} could not be used; the defaults stand in</source>
        <translation>无法使用记住的{parts}；改用默认值</translation>
    </message>
    <message>
        <source>{path} could not be written</source>
        <translation>无法写入 {path}</translation>
    </message>
    <message>
        <source>Note: {problem}.</source>
        <translation>注意：{problem}。</translation>
    </message>
    <message>
        <source>epochviz: the settings could not be saved: {problem}</source>
        <translation>epochviz：无法保存设置：{problem}</translation>
    </message>
</context>
<context>
    <name>scenes</name>
    <message>
        <source>100,000 images, batch size 100</source>
        <translation>100,000 张图像，批大小 100</translation>
    </message>
    <message>
        <source>100,000 images in batches of 100: 1,000 iterations make one epoch, and 10 epochs are 10,000 iterations: 10,000 weight updates.</source>
        <translation>100,000 张图像，每批 100 张：1,000 次迭代构成一个轮次 (epoch)，10 个轮次就是 10,000 次迭代，也就是 10,000 次权重更新。</translation>
    </message>
    <message>
        <source>10,000 samples, batch size 10</source>
        <translation>10,000 个样本，批大小 10</translation>
    </message>
    <message>
        <source>10,000 samples in batches of 10: 10,000 / 10 = 1,000 iterations to finish one epoch.</source>
        <translation>10,000 个样本，每批 10 个：需要 10,000 / 10 = 1,000 次迭代才能完成一个轮次 (epoch)。</translation>
    </message>
    <message>
        <source>B = 1: stochastic gradient descent</source>
        <translation>B = 1：随机梯度下降</translation>
    </message>
    <message>
        <source>One sample per batch: as many weight updates per epoch as there are samples, and a very noisy loss.</source>
        <translation>每个批次一个样本：每轮的权重更新次数和样本数一样多，损失曲线噪声很大。</translation>
    </message>
    <message>
        <source>B = N: full batch</source>
        <translation>B = N：全批量</translation>
    </message>
    <message>
        <source>The whole dataset in one batch: one smooth step per epoch, and one weight update per epoch only.</source>
        <translation>整个数据集放在一个批次里：每轮平滑的一步，每轮只有一次权重更新。</translation>
    </message>
    <message>
        <source>B does not divide N</source>
        <translation>B 不能整除 N</translation>
    </message>
    <message>
        <source>100,000 samples at B = 128: ceil(100,000 / 128) = 782 iterations, the last batch only 32 samples. With drop-last it would be 781.</source>
        <translation>100,000 个样本，B = 128：ceil(100,000 / 128) = 782 次迭代，最后一个批次只有 32 个样本。使用 drop-last 则为 781 次。</translation>
    </message>
    <message>
        <source>Reshuffling every epoch</source>
        <translation>每轮重新打乱</translation>
    </message>
    <message>
        <source>Watch the data grid: each epoch visits every sample once, in a new random order.</source>
        <translation>观察数据网格：每个轮次把每个样本访问一次，每轮的随机顺序都不同。</translation>
    </message>
    <message>
        <source>Why batches: memory</source>
        <translation>为什么要分批：内存</translation>
    </message>
    <message>
        <source>For VGG-16 on 224x224 images, a batch of 100 needs 13 GB: more than an 8 GB card holds. Smaller batches fit; the whole dataset in one batch never would.</source>
        <translation>对 224x224 图像上的 VGG-16，一个 100 的批次需要 13 GB：超过 8 GB 显卡的容量。较小的批次放得下；把整个数据集放进一个批次则永远放不下。</translation>
    </message>
    <message>
        <source>Accumulating gradients: 2 x 50 = one batch of 100</source>
        <translation>梯度累积：2 x 50 = 一个大小为 100 的批次</translation>
    </message>
    <message>
        <source>Two batches of 50 fit where one of 100 does not: their gradients are added, then the weights change once, the same step as one batch of 100.</source>
        <translation>两个 50 的批次放得下，一个 100 的批次却放不下：先把它们的梯度相加，再更新一次权重，与一个 100 的批次走同样的一步。</translation>
    </message>
    <message>
        <source>Same data, same first weights. Per epoch B = 1 gets lowest fastest, noisily; B = N is smooth and slow. Per weight update the order flips.</source>
        <translation>同样的数据、同样的初始权重。按轮次看，B = 1 下降最快但有噪声；B = N 平滑而缓慢。按权重更新次数看，顺序反过来。</translation>
    </message>
    <message>
        <source>100 images to learn from, 100 held out, a large network: the training loss falls to zero, the held-out loss falls, then climbs.</source>
        <translation>100 张图像用来学习，100 张留出，网络很大：训练损失降到零，留出样本的损失先降后升。</translation>
    </message>
    <message>
        <source>B = 1, 32 and N side by side</source>
        <translation>B = 1、32 和 N 并排比较</translation>
    </message>
    <message>
        <source>Over-fitting: the two losses part</source>
        <translation>过拟合：两条损失曲线分开</translation>
    </message>
</context>
<context>
    <name>schedule</name>
    <message>
        <source>{held} held out</source>
        <translation>留出 {held}</translation>
    </message>
    <message>
        <source>{size} (batch size &gt;= N: full batch, one update per epoch)</source>
        <translation>{size}（批大小 &gt;= N：全批量，每轮只更新一次）</translation>
    </message>
    <message>
        <source>{batch}; the {dropped} left over ({n} mod {b}) are dropped each epoch</source>
        <translation>{batch}；剩下的 {dropped} 个（{n} mod {b}）每轮都被丢弃</translation>
    </message>
    <message>
        <source>{size} ({n} mod {b}: a partial batch)</source>
        <translation>{size}（{n} mod {b}：不完整的最后一个批次）</translation>
    </message>
    <message>
        <source>{size} ({b} divides {n})</source>
        <translation>{size}（{b} 整除 {n}）</translation>
    </message>
    <message>
        <source>{samples}, batch size {batch}, {epochs}</source>
        <translation>{samples}，批大小 (batch size) {batch}，{epochs}；一次迭代 (iteration) = 一个批次 (batch) 的前向传播、损失、反向传播和一次权重更新</translation>
    </message>
    <message>
        <source>training samples N</source>
        <translation>训练样本 N</translation>
    </message>
    <message>
        <source>{formula}  (held out for validation, evaluated at each epoch end)</source>
        <translation>{formula}（留作验证，在每个轮次结束时评估）</translation>
    </message>
    <message>
        <source>iterations per epoch</source>
        <translation>每轮迭代次数</translation>
    </message>
    <message>
        <source>forward passes per epoch</source>
        <translation>每轮前向传播次数</translation>
    </message>
    <message>
        <source>updates per epoch</source>
        <translation>每轮更新次数</translation>
    </message>
    <message>
        <source>{formula}  (accumulating {k} batches)</source>
        <translation>{formula}（累积 {k} 个批次的梯度）</translation>
    </message>
    <message>
        <source>effective batch</source>
        <translation>有效批大小</translation>
    </message>
    <message>
        <source>{formula}  (memory needs B = {b}, not K x B)</source>
        <translation>{formula}（内存只需容纳 B = {b}，而不是 K x B）</translation>
    </message>
    <message>
        <source>last batch</source>
        <translation>最后一个批次</translation>
    </message>
    <message>
        <source>total iterations</source>
        <translation>总迭代次数</translation>
    </message>
    <message>
        <source>That is {updates} and {samples} seen ({per_epoch} per epoch).</source>
        <translation>共 {updates}，看过 {samples}（每轮 {per_epoch} 个）。</translation>
    </message>
</context>
<context>
    <name>tour</name>
    <message>
        <source>Scene file</source>
        <translation>场景文件</translation>
    </message>
    <message>
        <source>&amp;Scenes</source>
        <translation>场景(&amp;S)</translation>
    </message>
    <message>
        <source>Next scene</source>
        <translation>下一个场景</translation>
    </message>
    <message>
        <source>Previous scene</source>
        <translation>上一个场景</translation>
    </message>
    <message>
        <source>First scene</source>
        <translation>第一个场景</translation>
    </message>
    <message>
        <source>Black screen (and back)</source>
        <translation>黑屏（再按恢复）</translation>
    </message>
    <message>
        <source>Open scene…</source>
        <translation>打开场景…</translation>
    </message>
    <message>
        <source>Save set-up as scene…</source>
        <translation>将当前设置保存为场景…</translation>
    </message>
    <message>
        <source>Go to scene</source>
        <translation>转到场景</translation>
    </message>
    <message>
        <source>Scene {number} of {total}</source>
        <translation>场景 {number}/{total}</translation>
    </message>
    <message>
        <source>This is the last scene: Page Up goes back, Home to the first.</source>
        <translation>这是最后一个场景：Page Up 返回上一个，Home 回到第一个。</translation>
    </message>
    <message>
        <source>This is the first scene: Page Down goes on.</source>
        <translation>这是第一个场景：Page Down 继续。</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>{where}: {name}</source>
        <translation>{where}：{name}</translation>
    </message>
    <message>
        <source>Open scene</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <source>Scene (*.json)</source>
        <translation>场景 (*.json)</translation>
    </message>
    <message>
        <source>Scene not used</source>
        <translation>未使用场景</translation>
    </message>
    <message>
        <source>Save scene</source>
        <translation>保存场景</translation>
    </message>
    <message>
        <source>Caption for the class:</source>
        <translation>给课堂的说明：</translation>
    </message>
    <message>
        <source>My scene</source>
        <translation>我的场景</translation>
    </message>
    <message>
        <source>Scene not saved</source>
        <translation>场景未保存</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>train</name>
    <message>
        <source>Log of {iterations} written to {path}</source>
        <translation>{iterations}的日志已写入 {path}</translation>
    </message>
    <message>
        <source>Training diverged at iteration {iteration}: the loss is {loss}. Try a smaller learning rate than {lr}.</source>
        <translation>训练在第 {iteration} 次迭代时发散：损失为 {loss}。请尝试小于 {lr} 的学习率。</translation>
    </message>
    <message>
        <source>Interrupted at epoch {epoch}, iteration {iteration}.</source>
        <translation>在第 {epoch} 轮的第 {iteration} 次迭代时中断。</translation>
    </message>
    <message>
        <source>{seconds}s {per}/step</source>
        <translation>{seconds}秒 {per}/步</translation>
    </message>
    <message>
        <source>accuracy: {accuracy} - loss: {loss}</source>
        <translation>准确率: {accuracy} - 损失: {loss}</translation>
    </message>
    <message>
        <source>val_accuracy: {accuracy} - val_loss: {loss}</source>
        <translation>验证准确率: {accuracy} - 验证损失: {loss}</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs}</source>
        <translation>轮次 {epoch}/{epochs}</translation>
    </message>
</context>
<context>
    <name>train.first</name>
    <message>
        <source>Epoch {epoch}/{epochs}</source>
        <translation>轮次 (epoch) {epoch}/{epochs}</translation>
    </message>
</context>
<context>
    <name>units</name>
    <message>
        <source>{n} samples</source>
        <translation>{n} 个样本</translation>
    </message>
    <message>
        <source>{n} epochs</source>
        <translation>{n} 个轮次 (epoch)</translation>
    </message>
    <message>
        <source>{n} iterations</source>
        <translation>{n} 次迭代</translation>
    </message>
    <message>
        <source>{n} weight updates</source>
        <translation>{n} 次权重更新</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>epochviz – epoch, batch and iteration</source>
        <translation>epochviz – 轮次 (epoch)、批次 (batch) 和迭代 (iteration)</translation>
    </message>
    <message>
        <source>Reset: a new run starts from iteration 0 with fresh weights.</source>
        <translation>已重置：新的运行用新的权重从第 0 次迭代开始。</translation>
    </message>
    <message>
        <source>Reset: every run starts again from update 0.</source>
        <translation>已重置：每个运行都从第 0 次更新重新开始。</translation>
    </message>
    <message>
        <source>Cannot use these settings: {problem}</source>
        <translation>无法使用这些设置：{problem}</translation>
    </message>
    <message>
        <source>Settings changed: the run was reset to iteration 0.</source>
        <translation>设置已更改：运行已重置到第 0 次迭代。</translation>
    </message>
    <message>
        <source>Finished: {epochs}, {iterations}. Press Play to train again from scratch.</source>
        <translation>完成：{epochs}，{iterations}。按“开始”从头再训练一次。</translation>
    </message>
    <message>
        <source>Training diverged at iteration {iteration}: the loss became infinite because the learning rate ({lr}) is too high. Lower it, then press Reset or Play.</source>
        <translation>训练在第 {iteration} 次迭代时发散：损失变成了无穷大，因为学习率（{lr}）太高。请调低学习率，然后按“重置”或“开始”。</translation>
    </message>
    <message>
        <source>Paused: the loss is no longer a finite number.</source>
        <translation>已暂停：损失不再是有限的数。</translation>
    </message>
    <message>
        <source>Training stopped by an error: {message}. Press Reset to start again.</source>
        <translation>训练因错误而停止：{message}。按“重置”重新开始。</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
</context>
</TS>
