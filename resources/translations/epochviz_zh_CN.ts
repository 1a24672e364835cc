<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>schedule</name>
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
</TS>
